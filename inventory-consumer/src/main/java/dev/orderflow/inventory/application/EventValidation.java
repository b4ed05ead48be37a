package dev.orderflow.inventory.application;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ShipmentAccepted;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What makes an input event unusable for the inventory stage beyond its schema (DESIGN.md §1, malformed row): the
 * runtime dead-letters such an event at once with these problems as the reason.
 */
final class EventValidation {

    private EventValidation() {
    }

    static List<String> problems(SpecificRecord event) {
        List<String> problems = new ArrayList<>();
        if (event instanceof OrderPlaced placed) {
            if (placed.getLineItems().isEmpty()) {
                problems.add("lineItems: at least one");
            }
            for (int i = 0; i < placed.getLineItems().size(); i++) {
                LineItem item = placed.getLineItems().get(i);
                if (item.getSku() == null || item.getSku().isBlank()) {
                    problems.add("lineItems[" + i + "].sku: must not be blank");
                }
                if (item.getQuantity() < 1) {
                    problems.add("lineItems[" + i + "].quantity: at least 1, was " + item.getQuantity());
                }
            }
        } else if (event instanceof CancelOrderCommand cancel) {
            if (cancel.getOperator().isBlank()) {
                problems.add("operator: must not be blank");
            }
            if (cancel.getReason().isBlank()) {
                problems.add("reason: must not be blank");
            }
        } else if (event instanceof ShipmentAccepted accepted && accepted.getShipmentId().isBlank()) {
            problems.add("shipmentId: must not be blank");
        }
        return problems;
    }
}
