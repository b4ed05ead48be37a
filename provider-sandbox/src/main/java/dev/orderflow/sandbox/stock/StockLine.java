package dev.orderflow.sandbox.stock;

import dev.orderflow.sandbox.outcome.Requests;

/** Units of one SKU. Quantity is checked by the provider (a business refusal), not here. */
public record StockLine(String sku, int quantity) {

    public StockLine {
        Requests.requireText("sku", sku);
    }
}
