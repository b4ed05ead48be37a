package dev.orderflow.orderstream.domain;

import java.util.Optional;

/** Every event and operator command the state machine understands, with the stage whose attempts it counts. */
public enum EventType {
    ORDER_PLACED(null, false),
    INVENTORY_PENDING(Stage.INVENTORY, false),
    INVENTORY_RESERVED(Stage.INVENTORY, false),
    INVENTORY_REJECTED(Stage.INVENTORY, false),
    INVENTORY_RELEASED(Stage.INVENTORY, false),
    INVENTORY_COMMITTED(Stage.INVENTORY, false),
    PAYMENT_PENDING(Stage.PAYMENT, false),
    PAYMENT_AUTHORIZED(Stage.PAYMENT, false),
    PAYMENT_DECLINED(Stage.PAYMENT, false),
    PAYMENT_VOIDED(Stage.PAYMENT, false),
    PAYMENT_REFUNDED(Stage.PAYMENT, false),
    /** The payment consumer's own escalation of a payment whose outcome stayed unknown. */
    ORDER_ESCALATED(Stage.PAYMENT, false),
    SHIPMENT_PENDING(Stage.SHIPPING, false),
    SHIPMENT_ACCEPTED(Stage.SHIPPING, false),
    SHIPMENT_REJECTED(Stage.SHIPPING, false),
    FULFILLMENT_PROGRESSED(Stage.SHIPPING, false),
    RESOLVE_PAYMENT_COMMAND(Stage.PAYMENT, true),
    RETRY_SHIPPING_COMMAND(Stage.SHIPPING, true),
    CANCEL_ORDER_COMMAND(null, true);

    private final Stage stage;
    private final boolean operatorCommand;

    EventType(Stage stage, boolean operatorCommand) {
        this.stage = stage;
        this.operatorCommand = operatorCommand;
    }

    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }

    public boolean operatorCommand() {
        return operatorCommand;
    }
}
