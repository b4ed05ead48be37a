package dev.orderflow.runtime.policy;

/** The three stages of the order workflow, which answer the same failure differently (DESIGN.md §1). */
public enum Stage {
    /** Stock reservation: cheaply reversible (release). */
    INVENTORY,
    /** Payment authorization: money the customer sees; reversible only by a visible refund. */
    PAYMENT,
    /** Fulfillment request: irreversible once picked. */
    SHIPPING
}
