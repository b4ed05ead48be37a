package dev.orderflow.sandbox.fulfillment;

/**
 * Where a shipment is. After ACCEPTED the stages match the {@code FulfillmentProgressed} event contract; DELIVERED
 * and EXCEPTION are final.
 */
public enum ShipmentStage {
    ACCEPTED,
    PICKED,
    PACKED,
    HANDED_TO_CARRIER,
    DELIVERED,
    EXCEPTION;

    public boolean isFinal() {
        return this == DELIVERED || this == EXCEPTION;
    }
}
