package dev.orderflow.shipping.domain;

/**
 * Idempotency keys of fulfillment requests: from the order and the shipping attempt, so every retry of one attempt
 * (quick, deferred, after a crash or redelivery) is the same request, and at most one shipment exists per attempt.
 */
public final class ShipmentKeys {

    private ShipmentKeys() {
    }

    public static String accept(String orderId, int attempt) {
        return "ship-" + orderId + "-" + attempt;
    }
}
