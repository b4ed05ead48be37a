package dev.orderflow.orderstream.intake;

/**
 * The use case behind {@code POST /orders}: place the order of a valid request under its idempotency key. The
 * HTTP layer depends on this port, so its answers are unit-tested without a database.
 */
interface OrderPlacement {

    /**
     * @throws IntakeUnavailableException when the store cannot take the request now (503)
     */
    IntakeOutcome place(IdempotencyKey key, RequestFingerprint fingerprint, OrderRequest request,
                        String correlationId);
}
