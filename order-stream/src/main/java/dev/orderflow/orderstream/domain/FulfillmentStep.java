package dev.orderflow.orderstream.domain;

/** Progress of an accepted shipment; {@link #EXCEPTION} blocks the order for a human. */
public enum FulfillmentStep {
    PICKED, PACKED, HANDED_TO_CARRIER, DELIVERED, EXCEPTION
}
