package dev.orderflow.orderstream.intake;

import java.util.UUID;

/** How an intake request ended, for the HTTP layer to answer. */
sealed interface IntakeOutcome permits IntakeOutcome.Accepted, IntakeOutcome.KeyReused {

    /**
     * The order is recorded and its {@code OrderPlaced} is in the outbox.
     *
     * @param orderId  the order's id (the same on every repetition of the request)
     * @param replayed true when an earlier request with this key and body placed it, and this one changed nothing
     */
    record Accepted(UUID orderId, boolean replayed) implements IntakeOutcome {
    }

    /** The key was already used for a different body: nothing was done. */
    record KeyReused(UUID existingOrderId) implements IntakeOutcome {
    }
}
