package dev.orderflow.runtime.failure;

/**
 * How a failed step ended, which decides what the stage policy does next (DESIGN.md §1). The category, not the
 * exception type, is what policies, metrics and dead-letter headers speak in.
 */
public enum FailureCategory {
    /** Connection refused/reset before the request was sent, 5xx other than 503: safe to retry. */
    TRANSIENT(true),
    /** 429 or 503, usually with Retry-After: back off, let the breaker open, defer rather than hammer. */
    OVERLOAD(true),
    /** Timeout or connection lost after the request was sent: the provider may have done the work. Never blindly
     *  retried as a new attempt; resolved by a status query under the same idempotency key. */
    AMBIGUOUS(true),
    /** A definite business answer (4xx with a reason code: out of stock, declined, address invalid): fail fast. */
    BUSINESS(false),
    /** The record cannot be decoded or fails validation, or its type is unknown: dead-letter at once. */
    MALFORMED(false),
    /** A defect or an unexpected state in our own code: retrying will not help; dead-letter with the stack trace. */
    INTERNAL(false);

    private final boolean retryable;

    FailureCategory(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether trying again (now or later) can change the outcome. */
    public boolean retryable() {
        return retryable;
    }
}
