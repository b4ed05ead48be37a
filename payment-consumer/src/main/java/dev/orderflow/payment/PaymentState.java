package dev.orderflow.payment;

import java.time.Instant;

/**
 * The payment stage's view of one order. Order details and the inventory reservation arrive on different topics in
 * either order; the authorization starts once both are here.
 *
 * @param attempt      version of the idempotency key; grows only after a definite decline opens a new try
 * @param pendingSince when the outcome became unknown (PENDING), for the escalation deadline
 */
public record PaymentState(Status status, Long amountMinor, String currency, String paymentMethodToken,
        boolean inventoryReserved, int attempt, String authorizationId, Instant pendingSince, boolean escalated,
        boolean cancelRequested, String note) {

    public enum Status {
        /** Waiting for the order details and/or the inventory reservation. */
        WAITING,
        /** An authorize call did not take effect; a deferred retry with the same key is scheduled. */
        RETRY_SCHEDULED,
        /** The outcome of an authorize call is unknown: no shipping, release or refund until it is known. */
        PENDING,
        AUTHORIZED,
        DECLINED,
        VOIDED,
        /** Cancelled before any charge could happen. */
        CANCELLED
    }

    public static PaymentState initial() {
        return new PaymentState(Status.WAITING, null, null, null, false, 1, null, null, false, false, null);
    }

    public boolean hasOrderDetails() {
        return amountMinor != null;
    }

    public boolean readyToAuthorize() {
        return status == Status.WAITING && hasOrderDetails() && inventoryReserved && !cancelRequested;
    }

    public String idempotencyKey(String orderId) {
        return "pay-" + orderId + "-" + attempt;
    }

    public PaymentState withOrderDetails(long amount, String currencyCode, String token) {
        return new PaymentState(status, amount, currencyCode, token, inventoryReserved, attempt, authorizationId,
                pendingSince, escalated, cancelRequested, note);
    }

    public PaymentState withInventoryReserved() {
        return new PaymentState(status, amountMinor, currency, paymentMethodToken, true, attempt, authorizationId,
                pendingSince, escalated, cancelRequested, note);
    }

    public PaymentState withStatus(Status next) {
        return new PaymentState(next, amountMinor, currency, paymentMethodToken, inventoryReserved, attempt,
                authorizationId, next == Status.PENDING ? pendingSince : null, next == Status.PENDING && escalated,
                cancelRequested, note);
    }

    public PaymentState pending(Instant since) {
        return new PaymentState(Status.PENDING, amountMinor, currency, paymentMethodToken, inventoryReserved, attempt,
                authorizationId, pendingSince == null ? since : pendingSince, escalated, cancelRequested, note);
    }

    public PaymentState authorized(String id) {
        return new PaymentState(Status.AUTHORIZED, amountMinor, currency, paymentMethodToken, inventoryReserved,
                attempt, id, null, false, cancelRequested, note);
    }

    public PaymentState markEscalated() {
        return new PaymentState(status, amountMinor, currency, paymentMethodToken, inventoryReserved, attempt,
                authorizationId, pendingSince, true, cancelRequested, note);
    }

    public PaymentState withCancelRequested() {
        return new PaymentState(status, amountMinor, currency, paymentMethodToken, inventoryReserved, attempt,
                authorizationId, pendingSince, escalated, true, note);
    }

    public PaymentState withNote(String text) {
        return new PaymentState(status, amountMinor, currency, paymentMethodToken, inventoryReserved, attempt,
                authorizationId, pendingSince, escalated, cancelRequested, text);
    }
}
