package dev.orderflow.inventory.domain;

/** Where an order stands at the inventory stage. */
public enum InventoryStatus {
    /** A cancel or decline arrived before the order itself (they travel on other topics): do not reserve. */
    CANCELLED_BEFORE_PLACED(true),
    /** The reserve call failed without effect (transient, overload, unknown key): a deferred retry is due. */
    RETRY_SCHEDULED(false),
    /** The reserve call's outcome is unknown (timeout, status query failed): a deferred status re-check is due. */
    PENDING(false),
    RESERVED(false),
    /** A release was asked for but the call has not gone through yet: a deferred release is due. */
    RELEASE_SCHEDULED(false),
    /** A commit was asked for (shipment accepted) but the call has not gone through yet: a deferred commit is due. */
    COMMIT_SCHEDULED(false),
    REJECTED(true),
    RELEASED(true),
    COMMITTED(true);

    private final boolean terminal;

    InventoryStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether nothing more happens at this stage for the order. */
    public boolean terminal() {
        return terminal;
    }

    /** Whether the reserve call's outcome is not known yet (nothing, or maybe something, is reserved). */
    public boolean unresolved() {
        return this == RETRY_SCHEDULED || this == PENDING;
    }
}
