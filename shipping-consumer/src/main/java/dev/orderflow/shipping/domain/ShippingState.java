package dev.orderflow.shipping.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The shipping stage's view of one order, stored as JSON by the runtime. The order (address, items) and the payment
 * confirmation arrive on different topics in either order; the request goes out when both are here.
 *
 * @param attempt         the shipping attempt: the idempotency key's version (grows only on an operator's retry
 *                        after a rejection)
 * @param authorizationId the confirmed payment, or null while there is none: no request without it
 * @param lastStage       the last fulfillment stage announced (ACCEPTED right after acceptance)
 * @param since           when the open work (or the last progress) began; the escalation deadline counts from it
 * @param cancelRequested an operator cancelled while the request's outcome was unknown
 * @param escalated       operators were called for the current open work
 * @param correlationId   the workflow's correlation id, carried into events caused by deferred work (which the
 *                        runtime runs without the original event at hand)
 */
public record ShippingState(ShippingStatus status, int attempt, ShipAddress address, List<ShipItem> items,
        String authorizationId, String shipmentId, String lastStage, Instant since, boolean cancelRequested,
        boolean escalated, String correlationId) {

    public ShippingState {
        Objects.requireNonNull(status, "status");
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static ShippingState empty(Instant now, String correlationId) {
        return new ShippingState(ShippingStatus.WAITING, 1, null, List.of(), null, null, null, now, false, false,
                correlationId);
    }

    public boolean orderKnown() {
        return address != null;
    }

    public boolean paymentConfirmed() {
        return authorizationId != null;
    }

    /** Both halves are here and nothing was requested yet. */
    public boolean readyToRequest() {
        return status == ShippingStatus.WAITING && orderKnown() && paymentConfirmed();
    }

    public String acceptKey(String orderId) {
        return ShipmentKeys.accept(orderId, attempt);
    }

    public Instant deadline(Duration escalationDeadline) {
        return since.plus(escalationDeadline);
    }

    public ShippingState withOrder(ShipAddress newAddress, List<ShipItem> newItems) {
        return new ShippingState(status, attempt, newAddress, newItems, authorizationId, shipmentId, lastStage, since,
                cancelRequested, escalated, correlationId);
    }

    public ShippingState withPayment(String authorization) {
        return new ShippingState(status, attempt, address, items, authorization, shipmentId, lastStage, since,
                cancelRequested, escalated, correlationId);
    }

    public ShippingState withStatus(ShippingStatus next) {
        return new ShippingState(next, attempt, address, items, authorizationId, shipmentId, lastStage, since,
                cancelRequested, escalated, correlationId);
    }

    /** Moves to a status whose open work starts now (the deadline counts afresh, nobody was called yet). */
    public ShippingState startingWork(ShippingStatus next, Instant now) {
        return new ShippingState(next, attempt, address, items, authorizationId, shipmentId, lastStage, now,
                cancelRequested, false, correlationId);
    }

    public ShippingState accepted(String id, Instant now) {
        return new ShippingState(ShippingStatus.ACCEPTED, attempt, address, items, authorizationId, id, "ACCEPTED",
                now, cancelRequested, false, correlationId);
    }

    /** New progress: the no-progress deadline counts from now. */
    public ShippingState progressed(String stage, ShippingStatus next, Instant now) {
        return new ShippingState(next, attempt, address, items, authorizationId, shipmentId, stage, now,
                cancelRequested, escalated, correlationId);
    }

    public ShippingState cancelRequestedNow() {
        return new ShippingState(status, attempt, address, items, authorizationId, shipmentId, lastStage, since, true,
                escalated, correlationId);
    }

    public ShippingState escalatedNow() {
        return new ShippingState(status, attempt, address, items, authorizationId, shipmentId, lastStage, since,
                cancelRequested, true, correlationId);
    }

    /** An operator's retry after a rejection: a new key version, so the provider judges the request afresh. */
    public ShippingState nextAttempt(Instant now) {
        return new ShippingState(ShippingStatus.WAITING, attempt + 1, address, items, authorizationId, null, null, now,
                false, false, correlationId);
    }
}
