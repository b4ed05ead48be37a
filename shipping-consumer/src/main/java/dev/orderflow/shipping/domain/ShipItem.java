package dev.orderflow.shipping.domain;

/** One SKU and how many units of it go into the shipment. */
public record ShipItem(String sku, int quantity) {
}
