package dev.orderflow.shipping.application;

import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.shipping.domain.ShippingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls operators for an order the shipping stage cannot settle by itself: {@code OrderEscalated} on the stage's
 * own topic, once per piece of open work. What else stops is the caller's decision (acceptance work stops; progress
 * polling goes on, so a late delivery is still seen).
 */
final class Escalations {

    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

    private final ShippingPorts ports;

    Escalations(ShippingPorts ports) {
        this.ports = ports;
    }

    Decision<ShippingState> escalate(ShippingState state, String reason, StageContext context) {
        return escalating(Decision.newState(state.escalatedNow()), state, reason, context);
    }

    /** Adds the escalation to a decision already made (its state is marked escalated). */
    Decision<ShippingState> escalating(Decision<ShippingState> decision, ShippingState before, String reason,
            StageContext context) {
        LOG.warn("order {} escalated at the shipping stage ({}): {}", context.orderId(), before.status(), reason);
        Decision<ShippingState> marked = Decision.newState(decision.state().escalatedNow());
        for (Decision.Outgoing outgoing : decision.events()) {
            marked = marked.withEvent(outgoing.topic(), outgoing.event());
        }
        for (var deferral : decision.deferrals()) {
            marked = marked.withDeferral(deferral);
        }
        for (String kind : decision.cancelledKinds()) {
            marked = marked.cancelling(kind);
        }
        return marked.withEvent(ports.topic(), ShippingEvents.escalated(ShippingEvents.metadata(context, before),
                stuckState(before), before.since(), before.deadline(ports.policy().escalationDeadline()), reason));
    }

    /** The order state (DESIGN.md §3) the order is stuck in, as operators see it. */
    static String stuckState(ShippingState state) {
        return switch (state.status()) {
            case WAITING -> "PAYMENT_AUTHORIZED";
            case RETRY_SCHEDULED, PENDING -> "SHIPMENT_PENDING";
            case ACCEPTED, FULFILLMENT_EXCEPTION -> "FULFILLING";
            case REJECTED -> "BLOCKED";
            case DELIVERED -> "DELIVERED";
            case CANCELLED -> "CANCELLED";
        };
    }
}
