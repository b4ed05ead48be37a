package dev.orderflow.runtime.outbox;

import dev.orderflow.events.EventMetadata;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * One outgoing event as the outbox stores it. The payload is already serialized (Avro in the Confluent framing)
 * and is published byte for byte; the relay turns the other fields into the record's key, topic and headers.
 *
 * @param aggregateType routes the event to its topic (e.g. {@code order.payment})
 * @param aggregateId   the order id: the Kafka key, so one order's events stay in order
 * @param eventType     full name of the Avro record, e.g. {@code dev.orderflow.events.PaymentAuthorized}
 * @param causationId   id of the event that caused this one, or null
 * @param traceparent   W3C trace context of the write, or null
 */
public record OutboxEvent(UUID eventId, String aggregateType, String aggregateId, String eventType, byte[] payload,
                          String correlationId, String causationId, String traceparent) {

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        requireText(eventType, "eventType");
        requireText(correlationId, "correlationId");
        Objects.requireNonNull(payload, "payload");
        if (payload.length == 0) {
            throw new IllegalArgumentException("Invalid outbox event " + eventId + ": empty payload");
        }
    }

    /** The outbox row of an event whose metadata and serialized form are at hand. */
    public static OutboxEvent of(String aggregateType, SpecificRecord event, EventMetadata metadata, byte[] payload) {
        return new OutboxEvent(metadata.getEventId(), aggregateType, metadata.getOrderId(),
                event.getSchema().getFullName(), payload, metadata.getCorrelationId(), metadata.getCausationId(),
                null);
    }

    public OutboxEvent withTraceparent(String value) {
        return new OutboxEvent(eventId, aggregateType, aggregateId, eventType, payload, correlationId, causationId,
                value);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Invalid outbox event: " + name + " must not be blank");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxEvent other && eventId.equals(other.eventId)
                && aggregateType.equals(other.aggregateType) && aggregateId.equals(other.aggregateId)
                && eventType.equals(other.eventType) && Arrays.equals(payload, other.payload)
                && correlationId.equals(other.correlationId) && Objects.equals(causationId, other.causationId)
                && Objects.equals(traceparent, other.traceparent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, aggregateType, aggregateId, eventType, Arrays.hashCode(payload));
    }

    /** Never prints the payload: it may hold personal data. */
    @Override
    public String toString() {
        return "OutboxEvent[" + eventType + " " + eventId + " for " + aggregateType + "/" + aggregateId + ", "
                + payload.length + " bytes]";
    }
}
