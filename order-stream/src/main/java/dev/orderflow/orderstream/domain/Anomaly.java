package dev.orderflow.orderstream.domain;

import java.time.Instant;

/** Something the state machine recorded instead of throwing: an unexpected or late event. */
public record Anomaly(Kind kind, String eventId, String eventType, Instant occurredAt, String detail) {

    public enum Kind {
        /** The event is not expected in the order's current state; the state did not change. */
        INVALID_TRANSITION,
        /** The event occurred before an event already applied. */
        OUT_OF_ORDER,
        /** A stage event arrived for an order whose OrderPlaced was not seen yet. */
        MISSING_ORDER_PLACED
    }
}
