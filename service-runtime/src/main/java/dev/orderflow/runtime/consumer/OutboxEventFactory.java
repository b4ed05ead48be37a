package dev.orderflow.runtime.consumer;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.outbox.OutboxEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Turns a handler's outgoing event into its outbox row: Avro in the Confluent framing, keyed by the order id. */
final class OutboxEventFactory {

    private final Serializer<SpecificRecord> serializer;

    OutboxEventFactory(Serializer<SpecificRecord> serializer) {
        this.serializer = serializer;
    }

    OutboxEvent toOutbox(String orderId, Decision.Outgoing outgoing, String traceparent) {
        EventMetadata metadata = RecordDecoder.metadataOf(outgoing.event());
        if (!orderId.equals(metadata.getOrderId())) {
            throw new ClassifiedException(FailureCategory.INTERNAL, "handler emitted an event of order "
                    + metadata.getOrderId() + " while handling order " + orderId);
        }
        byte[] payload = serializer.serialize(outgoing.topic(), outgoing.event());
        return OutboxEvent.of(outgoing.topic(), outgoing.event(), metadata, payload).withTraceparent(traceparent);
    }
}
