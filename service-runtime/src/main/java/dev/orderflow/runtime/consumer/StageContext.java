package dev.orderflow.runtime.consumer;

import dev.orderflow.events.EventMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What a handler may use besides its state: the time, and metadata for the events it emits, chained to the event
 * (or deferred action) being handled so correlation and causation are never forgotten.
 */
public final class StageContext {

    private final String consumer;
    private final Clock clock;
    private final String orderId;
    private final String correlationId;
    private final String causationId;
    private final int attempt;

    StageContext(String consumer, Clock clock, String orderId, String correlationId, String causationId, int attempt) {
        this.consumer = consumer;
        this.clock = clock;
        this.orderId = orderId;
        this.correlationId = correlationId;
        this.causationId = causationId;
        this.attempt = attempt;
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    public String consumer() {
        return consumer;
    }

    public String orderId() {
        return orderId;
    }

    /** Metadata for a new event caused by the one being handled, at the same attempt. */
    public EventMetadata newMetadata() {
        return newMetadata(attempt);
    }

    /** Metadata for a new event at a given stage attempt (a new attempt only after a definite business failure). */
    public EventMetadata newMetadata(int stageAttempt) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOrderId(orderId)
                .setCorrelationId(correlationId)
                .setCausationId(causationId)
                .setOccurredAt(clock.instant())
                .setProducer(consumer)
                .setAttempt(stageAttempt)
                .build();
    }
}
