package dev.orderflow.inventory.application;

import dev.orderflow.inventory.domain.InventoryState;
import dev.orderflow.inventory.domain.StockLine;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.policy.CallOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A later attempt of an order (a re-submission with a higher attempt number) arrives while the current attempt's
 * reserve outcome is unknown (DESIGN.md §1, inventory, ambiguous: "if a later order attempt already won, release").
 * The later attempt goes ahead under its own key; the earlier key is kept, and a deferred clean-up asks the provider
 * what it reserved and releases it, so the order never holds two reservations for long.
 */
final class SupersededAttempts {

    private final InventoryPorts ports;
    private final ReservationSteps reservation;
    private final Escalations escalations;

    SupersededAttempts(InventoryPorts ports, ReservationSteps reservation, Escalations escalations) {
        this.ports = ports;
        this.reservation = reservation;
        this.escalations = escalations;
    }

    Decision<InventoryState> takeOver(InventoryState current, int newAttempt, List<StockLine> lines,
            StageContext context) {
        InventoryState next = current.supersededBy(newAttempt, lines, context.orderId(), context.now());
        return reservation.reserve(next, 0, context).withDeferral(Deferral.of(DeferralKinds.SUPERSEDED_CLEANUP, null,
                context.now(), context.now().plus(ports.policy().escalationDeadline())));
    }

    /** Settles every superseded key it can; what cannot be settled now is tried again later, then escalated. */
    Decision<InventoryState> cleanUp(InventoryState state, int runsSoFar, Instant deadline, StageContext context) {
        List<String> remaining = new ArrayList<>();
        List<StockApi.Reservation> released = new ArrayList<>();
        for (String key : state.supersededKeys()) {
            CallOutcome<StockApi.KeyStatus> status = ports.calls().call(t -> ports.stock().reserveStatus(key, t));
            if (status instanceof CallOutcome.Succeeded<StockApi.KeyStatus> answered) {
                if (answered.value() instanceof StockApi.KeyStatus.Succeeded found && found.reservation().live()) {
                    CallOutcome<StockApi.Reservation> release = ports.calls().call(
                            t -> ports.stock().release(found.reservation().reservationId(), t));
                    if (release instanceof CallOutcome.Succeeded<StockApi.Reservation>) {
                        released.add(found.reservation());
                    } else {
                        remaining.add(key);
                    }
                }
                // Rejected, unknown or no longer live: the superseded attempt holds nothing.
            } else {
                remaining.add(key);
            }
        }
        Decision<InventoryState> decision = Decision.newState(state.withSupersededKeys(remaining));
        for (StockApi.Reservation r : released) {
            decision = decision.withEvent(ports.topic(), InventoryEvents.released(
                    InventoryEvents.metadata(context, state), r.reservationId(), "SUPERSEDED",
                    "an earlier attempt's reservation, superseded by attempt " + state.attempt()));
        }
        if (remaining.isEmpty()) {
            return decision;
        }
        if (!context.now().isBefore(deadline)) {
            return escalations.escalate(state.withSupersededKeys(remaining), "reservations of superseded attempts "
                    + remaining + " could not be settled by the deadline", context);
        }
        return decision.withDeferral(Deferral.of(DeferralKinds.SUPERSEDED_CLEANUP, null,
                context.now().plus(ports.policy().deferralDelay(runsSoFar)), deadline));
    }
}
