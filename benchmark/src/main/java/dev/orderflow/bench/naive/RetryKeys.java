package dev.orderflow.bench.naive;

/** Which idempotency key a blind retry sends. */
public enum RetryKeys {
    /**
     * A new key for every HTTP attempt: the key is made where the request is built, inside the retry loop. The
     * provider's idempotency then only protects one request, not the operation, so a retry after a lost reply
     * repeats the side effect. This is what the common shortcut does, and the baseline's default.
     */
    PER_ATTEMPT,
    /** One key per order and operation, reused by every attempt: the shortcut with a better client library. */
    PER_OPERATION
}
