package dev.orderflow.orderstream.domain;

/**
 * The states of an order (DESIGN.md §3). A terminal state ends the order's life; every other state either moves
 * on by an event or, past its deadline, is escalated to the exception queue.
 */
public enum OrderState {
    PLACED(false),
    INVENTORY_PENDING(false),
    INVENTORY_RESERVED(false),
    PAYMENT_PENDING(false),
    PAYMENT_AUTHORIZED(false),
    SHIPMENT_PENDING(false),
    SHIPMENT_ACCEPTED(false),
    FULFILLING(false),
    DELIVERED(true),
    REJECTED(true),
    COMPENSATING(false),
    CANCELLED(true),
    /** Waits for a human decision (shipment refused, fulfillment exception). */
    BLOCKED(false),
    /** Past its deadline, in the exception queue; remembers the state it was stuck in. */
    ESCALATED(false),
    /** Closed by an operator without (further) compensation. */
    RESOLVED(true);

    private final boolean terminal;

    OrderState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
