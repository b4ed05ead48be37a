package dev.orderflow.inventory.application;

import dev.orderflow.inventory.domain.InventoryState;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls operators for an order this stage cannot settle by itself (a deadline passed, or the provider refused a
 * compensation): {@code OrderEscalated} on the stage's own topic, and no further automatic attempts. order-stream
 * shows the order in the exception queue; a later event (a cancel, an operator's command) can still move it.
 */
final class Escalations {

    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);

    private final InventoryPorts ports;

    Escalations(InventoryPorts ports) {
        this.ports = ports;
    }

    Decision<InventoryState> escalate(InventoryState state, String reason, StageContext context) {
        LOG.warn("order {} escalated at the inventory stage ({}): {}", context.orderId(), state.status(), reason);
        return Decision.newState(state.escalatedNow())
                .withEvent(ports.topic(), InventoryEvents.escalated(InventoryEvents.metadata(context, state),
                        stuckState(state), state.since(), state.deadline(ports.policy().escalationDeadline()), reason))
                .cancelling(DeferralKinds.RESERVE_RETRY)
                .cancelling(DeferralKinds.STATUS_RECHECK)
                .cancelling(DeferralKinds.RELEASE_RETRY)
                .cancelling(DeferralKinds.COMMIT_RETRY)
                .cancelling(DeferralKinds.SUPERSEDED_CLEANUP);
    }

    /** The order state (DESIGN.md §3) the order is stuck in, as operators see it. */
    static String stuckState(InventoryState state) {
        return switch (state.status()) {
            case RETRY_SCHEDULED, PENDING -> state.releaseRequested() ? "COMPENSATING" : "INVENTORY_PENDING";
            case RELEASE_SCHEDULED -> "COMPENSATING";
            case COMMIT_SCHEDULED, COMMITTED -> "SHIPMENT_ACCEPTED";
            case RESERVED -> "INVENTORY_RESERVED";
            case REJECTED -> "REJECTED";
            case RELEASED, CANCELLED_BEFORE_PLACED -> "CANCELLED";
        };
    }
}
