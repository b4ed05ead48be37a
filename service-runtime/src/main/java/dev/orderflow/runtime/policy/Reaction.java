package dev.orderflow.runtime.policy;

/** What a stage does after a provider call ended in a given way (one cell of DESIGN.md §1's table). */
public enum Reaction {
    /** 2xx: emit the stage's success event. */
    COMPLETE,
    /** Transient: a few quick retries within the retry budget, then defer the retry (durably). */
    RETRY_THEN_DEFER,
    /** Overload: honour Retry-After, let the breaker open; defer instead of hammering. */
    BACK_OFF_AND_DEFER,
    /** Ambiguous: ask the provider by idempotency key; still unknown → pending + deferred re-check. */
    QUERY_STATUS_THEN_PEND,
    /** Inventory business failure: fail fast, the order is rejected. */
    REJECT_ORDER,
    /** Payment business failure: fail fast, compensate (release stock), the order is cancelled. */
    COMPENSATE,
    /** Shipping business failure: fail fast, block the order for a human; never roll back payment by itself. */
    BLOCK_FOR_OPERATOR,
    /** Malformed event: dead-letter at once with the reason. */
    DEAD_LETTER
}
