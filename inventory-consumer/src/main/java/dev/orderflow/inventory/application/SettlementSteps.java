package dev.orderflow.inventory.application;

import dev.orderflow.inventory.domain.InventoryState;
import dev.orderflow.inventory.domain.InventoryStatus;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.policy.CallOutcome;
import dev.orderflow.runtime.policy.ReactionTable;
import dev.orderflow.runtime.policy.Stage;
import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a held reservation: released (compensation after a declined payment or an operator's cancel) or
 * committed (the shipment was accepted, the units leave stock for good). Both calls are idempotent by the
 * reservation's state, so any failure that may pass (transient, overload, even ambiguous) is simply sent again
 * later; a refusal (the reservation is no longer live) needs a human.
 */
final class SettlementSteps {

    private final InventoryPorts ports;
    private final Escalations escalations;

    SettlementSteps(InventoryPorts ports, Escalations escalations) {
        this.ports = ports;
        this.escalations = escalations;
    }

    Decision<InventoryState> release(InventoryState state, int retriesSoFar, StageContext context) {
        CallOutcome<StockApi.Reservation> outcome = ports.calls().call(
                timeout -> ports.stock().release(state.reservationId(), timeout));
        if (outcome instanceof CallOutcome.Succeeded<StockApi.Reservation>) {
            return released(state, state.reservationId(), state.releaseDetail(), context);
        }
        return failed(state, (CallOutcome.Failed<StockApi.Reservation>) outcome, InventoryStatus.RELEASE_SCHEDULED,
                DeferralKinds.RELEASE_RETRY, retriesSoFar, context);
    }

    Decision<InventoryState> commit(InventoryState state, int retriesSoFar, StageContext context) {
        CallOutcome<StockApi.Reservation> outcome = ports.calls().call(
                timeout -> ports.stock().commit(state.reservationId(), timeout));
        if (outcome instanceof CallOutcome.Succeeded<StockApi.Reservation>) {
            return Decision.newState(state.withStatus(InventoryStatus.COMMITTED))
                    .withEvent(ports.topic(), InventoryEvents.committed(InventoryEvents.metadata(context, state),
                            state.reservationId()))
                    .cancelling(DeferralKinds.COMMIT_RETRY);
        }
        return failed(state, (CallOutcome.Failed<StockApi.Reservation>) outcome, InventoryStatus.COMMIT_SCHEDULED,
                DeferralKinds.COMMIT_RETRY, retriesSoFar, context);
    }

    /** The order holds no stock any more (or never did): announce it, and stop every pending inventory work. */
    Decision<InventoryState> released(InventoryState state, String reservationId, String detail,
            StageContext context) {
        return Decision.newState(state.withStatus(InventoryStatus.RELEASED))
                .withEvent(ports.topic(), InventoryEvents.released(InventoryEvents.metadata(context, state),
                        reservationId, state.releaseReason(), detail))
                .cancelling(DeferralKinds.RESERVE_RETRY)
                .cancelling(DeferralKinds.STATUS_RECHECK)
                .cancelling(DeferralKinds.RELEASE_RETRY);
    }

    private Decision<InventoryState> failed(InventoryState state, CallOutcome.Failed<StockApi.Reservation> failed,
            InventoryStatus scheduled, String kind, int retriesSoFar, StageContext context) {
        return switch (ReactionTable.reactionTo(Stage.INVENTORY, failed.category())) {
            case RETRY_THEN_DEFER, BACK_OFF_AND_DEFER, QUERY_STATUS_THEN_PEND -> {
                InventoryState waiting = state.status() == scheduled ? state
                        : state.startingWork(scheduled, context.now());
                Duration delay = ports.policy().deferralDelay(retriesSoFar + 1);
                Duration asked = failed.retryAfter().orElse(Duration.ZERO);
                Instant due = context.now().plus(asked.compareTo(delay) > 0 ? asked : delay);
                yield Decision.newState(waiting).withDeferral(Deferral.of(kind, null, due,
                        waiting.deadline(ports.policy().escalationDeadline())));
            }
            case REJECT_ORDER -> escalations.escalate(state, kind.replace("-retry", "") + " refused by the provider: "
                    + failed.failure().getMessage(), context);
            default -> throw new ClassifiedException(failed.category(), kind.replace("-retry", "")
                    + " cannot be sent as it is: " + failed.failure().getMessage(), failed.failure());
        };
    }
}
