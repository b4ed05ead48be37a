package dev.orderflow.bench.system;

/**
 * Where an order is, as the events on the order topics tell; a later stage wins, a settled one stays. The
 * benchmark's own watcher view (order-stream owns the read model).
 */
public enum OrderStage {
    PLACED(false), RESERVED(false), INVENTORY_PENDING(false), AUTHORIZED(false), PAYMENT_PENDING(false),
    SHIPMENT_PENDING(false), SHIPMENT_ACCEPTED(false), FULFILLING(false),
    DELIVERED(true), FULFILLMENT_EXCEPTION(true), REJECTED(true), CANCELLED(true), BLOCKED(true), ESCALATED(true);

    private final boolean settled;

    OrderStage(boolean settled) {
        this.settled = settled;
    }

    /** The order reached an end: nothing more happens to it without an operator. */
    public boolean settled() {
        return settled;
    }

    /** The stage after {@code next} is seen in {@code current}: later stages win, settled stages stay. */
    public static OrderStage advance(OrderStage current, OrderStage next) {
        if (current == null) {
            return next;
        }
        if (current.settled) {
            return current;
        }
        return next.settled || next.ordinal() > current.ordinal() ? next : current;
    }
}
