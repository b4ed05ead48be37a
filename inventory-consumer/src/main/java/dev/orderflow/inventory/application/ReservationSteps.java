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
import dev.orderflow.runtime.provider.ProviderCallException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The forward path of the inventory stage, one cell of DESIGN.md §1's inventory column per branch: reserve under the
 * order's idempotency key; on success announce the reservation; on a business refusal reject at once; on a
 * transient or overload failure (after the executor's quick retries) defer a retry under the same key; on an
 * ambiguous outcome ask the provider by key and, while that stays unknown, announce pending and re-check later.
 * If the order was cancelled meanwhile, a reservation that turns up is released instead of announced.
 */
final class ReservationSteps {

    private final InventoryPorts ports;
    private final SettlementSteps settlement;
    private final Escalations escalations;

    ReservationSteps(InventoryPorts ports, SettlementSteps settlement, Escalations escalations) {
        this.ports = ports;
        this.settlement = settlement;
        this.escalations = escalations;
    }

    /** @param retriesSoFar deferred retries already made (0 on the order's first call) */
    Decision<InventoryState> reserve(InventoryState state, int retriesSoFar, StageContext context) {
        String key = state.reserveKey(context.orderId());
        CallOutcome<StockApi.Reservation> outcome = ports.calls().call(
                timeout -> ports.stock().reserve(key, context.orderId(), state.lines(), timeout));
        if (outcome instanceof CallOutcome.Succeeded<StockApi.Reservation> succeeded) {
            return reserved(state, succeeded.value(), context);
        }
        CallOutcome.Failed<StockApi.Reservation> failed = (CallOutcome.Failed<StockApi.Reservation>) outcome;
        return switch (ReactionTable.reactionTo(Stage.INVENTORY, failed.category())) {
            case RETRY_THEN_DEFER, BACK_OFF_AND_DEFER -> retryLater(state, retriesSoFar,
                    failed.retryAfter().orElse(Duration.ZERO), context);
            case QUERY_STATUS_THEN_PEND -> resolveByKey(state, "reserve: " + failed.failure().getMessage(), 0, false,
                    context);
            case REJECT_ORDER -> rejected(state, rejectionOf(failed.failure()), context);
            default -> throw new ClassifiedException(failed.category(), "reserve cannot be sent as it is: "
                    + failed.failure().getMessage(), failed.failure());
        };
    }

    /**
     * Asks the provider what became of the reserve call under the order's key.
     *
     * @param checksSoFar deferred re-checks already made, for the schedule
     * @param lastCheck   the deadline has passed: if the answer is still unknown, escalate instead of re-checking
     */
    Decision<InventoryState> resolveByKey(InventoryState state, String why, int checksSoFar, boolean lastCheck,
            StageContext context) {
        String key = state.reserveKey(context.orderId());
        CallOutcome<StockApi.KeyStatus> outcome = ports.calls().call(
                timeout -> ports.stock().reserveStatus(key, timeout));
        if (outcome instanceof CallOutcome.Failed<StockApi.KeyStatus> failed) {
            String reason = why + "; status query: " + failed.failure().getMessage();
            return lastCheck ? escalations.escalate(state.withStatus(InventoryStatus.PENDING),
                    "outcome still unknown at the deadline: " + reason, context)
                    : pending(state, reason, checksSoFar, context);
        }
        StockApi.KeyStatus status = ((CallOutcome.Succeeded<StockApi.KeyStatus>) outcome).value();
        if (status instanceof StockApi.KeyStatus.Succeeded found) {
            return reserved(state, found.reservation(), context);
        }
        if (status instanceof StockApi.KeyStatus.Rejected refused) {
            return rejected(state, refused.rejection(), context);
        }
        // No reserve with this key took effect, so nothing is held: a retry under the same key is safe.
        if (state.releaseRequested()) {
            return settlement.released(state, null, "nothing was reserved", context);
        }
        return retryLater(state, 0, Duration.ZERO, context);
    }

    private Decision<InventoryState> reserved(InventoryState state, StockApi.Reservation reservation,
            StageContext context) {
        if (!reservation.live()) {
            // Found released or expired (a late answer): it holds nothing. Done if the order was cancelled anyway,
            // otherwise a new attempt under a new key version, since the old key would replay the dead reservation.
            if (state.releaseRequested()) {
                return settlement.released(state, reservation.reservationId(), "reservation already "
                        + reservation.status().toLowerCase(java.util.Locale.ROOT), context);
            }
            return retryLater(state.nextAttempt(context.now()), 0, Duration.ZERO, context);
        }
        InventoryState held = state.reserved(reservation.reservationId(), reservation.expiresAt());
        if (state.releaseRequested()) {
            return settlement.release(held.startingWork(InventoryStatus.RESERVED, context.now()), 0, context);
        }
        return Decision.newState(held)
                .withEvent(ports.topic(), InventoryEvents.reserved(InventoryEvents.metadata(context, state),
                        reservation))
                .cancelling(DeferralKinds.RESERVE_RETRY)
                .cancelling(DeferralKinds.STATUS_RECHECK);
    }

    private Decision<InventoryState> rejected(InventoryState state, StockRejection rejection, StageContext context) {
        if (state.releaseRequested()) {
            return settlement.released(state, null, "nothing was reserved: " + rejection.reasonCode(), context);
        }
        return Decision.newState(state.withStatus(InventoryStatus.REJECTED))
                .withEvent(ports.topic(), InventoryEvents.rejected(InventoryEvents.metadata(context, state), rejection))
                .cancelling(DeferralKinds.RESERVE_RETRY)
                .cancelling(DeferralKinds.STATUS_RECHECK);
    }

    private Decision<InventoryState> retryLater(InventoryState state, int retriesSoFar, Duration retryAfter,
            StageContext context) {
        Duration delay = ports.policy().deferralDelay(retriesSoFar + 1);
        Instant due = context.now().plus(retryAfter.compareTo(delay) > 0 ? retryAfter : delay);
        return Decision.newState(state.withStatus(InventoryStatus.RETRY_SCHEDULED))
                .cancelling(DeferralKinds.STATUS_RECHECK)
                .withDeferral(Deferral.of(DeferralKinds.RESERVE_RETRY, null, due,
                        state.deadline(ports.policy().escalationDeadline())));
    }

    private Decision<InventoryState> pending(InventoryState state, String reason, int checksSoFar,
            StageContext context) {
        Instant due = context.now().plus(ports.policy().statusQueryDelay(checksSoFar + 1));
        Decision<InventoryState> decision = Decision.newState(state.withStatus(InventoryStatus.PENDING));
        if (state.status() != InventoryStatus.PENDING) {
            // Announced once, when the outcome becomes unknown; the re-checks that follow change nothing visible.
            decision = decision.withEvent(ports.topic(),
                    InventoryEvents.pending(InventoryEvents.metadata(context, state), reason, due));
        }
        return decision.cancelling(DeferralKinds.RESERVE_RETRY)
                .withDeferral(Deferral.of(DeferralKinds.STATUS_RECHECK, null, due,
                        state.deadline(ports.policy().escalationDeadline())));
    }

    private static StockRejection rejectionOf(ClassifiedException failure) {
        if (failure instanceof StockRejection rejection) {
            return rejection;
        }
        String reason = failure instanceof ProviderCallException call ? call.reasonCode().orElse("OTHER") : "OTHER";
        return new StockRejection(reason, List.of(), failure.getMessage());
    }
}
