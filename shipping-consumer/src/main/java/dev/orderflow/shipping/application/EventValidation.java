package dev.orderflow.shipping.application;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.FulfillmentStepObserved;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.RetryShippingCommand;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What makes an input event unusable for the shipping stage beyond its schema (DESIGN.md §1, malformed row): the
 * runtime dead-letters it at once with these problems. An address the provider would refuse is not malformed: that
 * is the provider's business answer (a rejection that blocks the order).
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
            placed.getLineItems().stream().filter(l -> l.getQuantity() < 1).findFirst()
                    .ifPresent(l -> problems.add("lineItems: quantity at least 1, was " + l.getQuantity()));
        } else if (event instanceof PaymentAuthorized authorized && authorized.getAuthorizationId().isBlank()) {
            problems.add("authorizationId: must not be blank");
        } else if (event instanceof RetryShippingCommand retry) {
            operatorAndReason(retry.getOperator(), retry.getReason(), problems);
        } else if (event instanceof CancelOrderCommand cancel) {
            operatorAndReason(cancel.getOperator(), cancel.getReason(), problems);
        } else if (event instanceof FulfillmentStepObserved step) {
            if (step.getShipmentId().isBlank()) {
                problems.add("shipmentId: must not be blank");
            }
            if (step.getStage().isBlank()) {
                problems.add("stage: must not be blank");
            }
        }
        return problems;
    }

    private static void operatorAndReason(String operator, String reason, List<String> problems) {
        if (operator.isBlank()) {
            problems.add("operator: must not be blank");
        }
        if (reason.isBlank()) {
            problems.add("reason: must not be blank");
        }
    }
}
