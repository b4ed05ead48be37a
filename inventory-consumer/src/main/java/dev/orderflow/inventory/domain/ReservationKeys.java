package dev.orderflow.inventory.domain;

/**
 * Idempotency keys of reserve calls: derived from the order and the stage attempt, so every retry of one attempt
 * (quick, deferred, after a crash or a redelivery) is the same call to the provider, and only a deliberate new
 * attempt makes a new reservation possible.
 */
public final class ReservationKeys {

    private ReservationKeys() {
    }

    public static String reserve(String orderId, int attempt) {
        return "inv-" + orderId + "-" + attempt;
    }
}
