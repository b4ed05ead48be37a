package dev.orderflow.sandbox.idempotency;

/** An idempotency key was reused with a different request: the caller has a bug, nothing was done. */
public final class IdempotencyConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyConflictException(String key) {
        super("Idempotency key " + key + " was already used with a different request");
    }
}
