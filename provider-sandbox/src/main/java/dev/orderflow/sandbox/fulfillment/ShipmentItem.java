package dev.orderflow.sandbox.fulfillment;

import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Requests;

/** Units of one SKU to ship. */
public record ShipmentItem(String sku, int quantity) {

    public ShipmentItem {
        Requests.requireText("items[].sku", sku);
        if (quantity < 1) {
            throw ProviderException.invalidRequest("Field items[].quantity must be at least 1, was " + quantity);
        }
    }
}
