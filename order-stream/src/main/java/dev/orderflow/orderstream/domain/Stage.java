package dev.orderflow.orderstream.domain;

/** The workflow stage an event belongs to, for counting attempts. */
public enum Stage {
    INVENTORY, PAYMENT, SHIPPING
}
