package dev.orderflow.sandbox.fulfillment;

import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Requests;
import java.util.List;

/** Ship the items of an order to an address. */
public record ShipmentRequest(String orderId, Address address, List<ShipmentItem> items) {

    public ShipmentRequest {
        Requests.requireText("orderId", orderId);
        Requests.requirePresent("address", address);
        if (items == null || items.isEmpty()) {
            throw ProviderException.invalidRequest("Field items is required and must not be empty");
        }
        items = List.copyOf(items);
    }
}
