package dev.orderflow.inventory.domain;

import java.util.Objects;

/** One SKU and how many units of it an order needs reserved. */
public record StockLine(String sku, int quantity) {

    public StockLine {
        Objects.requireNonNull(sku, "sku");
    }
}
