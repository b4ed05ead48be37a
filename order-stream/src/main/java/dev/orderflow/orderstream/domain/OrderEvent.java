package dev.orderflow.orderstream.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One input event or operator command, reduced to what the state machine needs. The attributes after
 * {@code attempt} are filled only for the types that carry them.
 *
 * @param reason          business reason, pending reason, escalation reason or operator's reason
 * @param nextCheckAt     when a pending stage checks again (pending events)
 * @param fulfillmentStep the step reached ({@link EventType#FULFILLMENT_PROGRESSED})
 * @param paymentOutcome  the verified outcome ({@link EventType#RESOLVE_PAYMENT_COMMAND})
 * @param compensate      whether to undo completed stages ({@link EventType#CANCEL_ORDER_COMMAND})
 * @param superseded      a release of a superseded attempt's reservation, not a compensation
 * @param correlationId   the workflow run's correlation id, kept for the escalation events
 */
public record OrderEvent(String eventId, String orderId, EventType type, Instant occurredAt, int attempt,
                         String reason, Instant nextCheckAt, FulfillmentStep fulfillmentStep,
                         PaymentOutcome paymentOutcome, boolean compensate, boolean superseded,
                         String correlationId) {

    public OrderEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** An event with only the common attributes; the {@code with*} methods add the rest. */
    public static OrderEvent of(String eventId, String orderId, EventType type, Instant occurredAt, int attempt) {
        return new OrderEvent(eventId, orderId, type, occurredAt, attempt, null, null, null, null, false, false, null);
    }

    public OrderEvent withReason(String newReason) {
        return new OrderEvent(eventId, orderId, type, occurredAt, attempt, newReason, nextCheckAt, fulfillmentStep,
                paymentOutcome, compensate, superseded, correlationId);
    }

    public OrderEvent withNextCheckAt(Instant at) {
        return new OrderEvent(eventId, orderId, type, occurredAt, attempt, reason, at, fulfillmentStep,
                paymentOutcome, compensate, superseded, correlationId);
    }

    public OrderEvent withFulfillmentStep(FulfillmentStep step) {
        return new OrderEvent(eventId, orderId, type, occurredAt, attempt, reason, nextCheckAt, step,
                paymentOutcome, compensate, superseded, correlationId);
    }

    public OrderEvent withPaymentOutcome(PaymentOutcome outcome) {
        return new OrderEvent(eventId, orderId, type, occurredAt, attempt, reason, nextCheckAt, fulfillmentStep,
                outcome, compensate, superseded, correlationId);
    }

    public OrderEvent withCompensate(boolean undo) {
        return new OrderEvent(eventId, orderId, type, occurredAt, attempt, reason, nextCheckAt, fulfillmentStep,
                paymentOutcome, undo, superseded, correlationId);
    }

    public OrderEvent withSuperseded(boolean isSuperseded) {
        return new OrderEvent(eventId, orderId, type, occurredAt, attempt, reason, nextCheckAt, fulfillmentStep,
                paymentOutcome, compensate, isSuperseded, correlationId);
    }

    public OrderEvent withCorrelationId(String id) {
        return new OrderEvent(eventId, orderId, type, occurredAt, attempt, reason, nextCheckAt, fulfillmentStep,
                paymentOutcome, compensate, superseded, id);
    }
}
