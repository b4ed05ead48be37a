package dev.orderflow.shipping.domain;

/** Where an order stands at the shipping stage. */
public enum ShippingStatus {
    /** Waiting for the order (address, items) and the confirmed payment: they arrive on different topics. */
    WAITING,
    /** The fulfillment request failed without effect (transient, overload, unknown key): a deferred retry is due. */
    RETRY_SCHEDULED,
    /** Whether the provider accepted the request is unknown: a deferred status re-check is due. */
    PENDING,
    /** Accepted (not delivered): fulfillment progress is followed by a durable polling deferral. */
    ACCEPTED,
    /** Refused at acceptance: the order is blocked for a human decision (payment is never rolled back here). */
    REJECTED,
    DELIVERED,
    /** Fulfillment ended in an exception after acceptance: operators were called. */
    FULFILLMENT_EXCEPTION,
    /** Cancelled before any shipment was accepted. */
    CANCELLED;

    /** Whether the fulfillment request's outcome is not known yet. */
    public boolean unresolved() {
        return this == RETRY_SCHEDULED || this == PENDING;
    }
}
