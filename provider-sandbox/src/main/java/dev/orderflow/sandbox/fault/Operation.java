package dev.orderflow.sandbox.fault;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every provider operation that faults can be injected into, named on the wire as {@code api.operation}. Each has
 * its own random stream, so one operation's fault sequence does not depend on how calls to others interleave.
 */
public enum Operation {
    STOCK_RESERVE("stock.reserve", true),
    STOCK_RELEASE("stock.release", false),
    STOCK_COMMIT("stock.commit", false),
    STOCK_STATUS("stock.status", false),
    PAYMENT_AUTHORIZE("payment.authorize", true),
    PAYMENT_VOID("payment.void", false),
    PAYMENT_REFUND("payment.refund", false),
    PAYMENT_STATUS("payment.status", false),
    FULFILLMENT_ACCEPT("fulfillment.accept", true),
    FULFILLMENT_STATUS("fulfillment.status", false),
    FULFILLMENT_EVENTS("fulfillment.events", false);

    private final String wireName;
    private final boolean creates;

    Operation(String wireName, boolean creates) {
        this.wireName = wireName;
        this.creates = creates;
    }

    public String wireName() {
        return wireName;
    }

    /** Only operations that create something can be refused for a business reason. */
    public boolean canBeRejected() {
        return creates;
    }

    public static Optional<Operation> fromWireName(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
