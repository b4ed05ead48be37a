package dev.orderflow.shipping.application;

import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.policy.CallOutcome;
import dev.orderflow.shipping.domain.FulfillmentStages;
import dev.orderflow.shipping.domain.ShippingState;
import dev.orderflow.shipping.domain.ShippingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Follows an accepted shipment (the paper §6.7: acceptance is not delivery) and announces every new stage as
 * {@code FulfillmentProgressed}, until DELIVERED or EXCEPTION. Steps come from the provider's event feed when the
 * service follows it ({@link #observed}); a durable deferral also reads the shipment directly ({@link #poll}): on
 * the poll schedule without the feed, as a slow safety net with it. An exception, or no progress for the
 * escalation deadline, calls operators; reading goes on after the latter so a late delivery is still seen. A
 * failed read is simply repeated later.
 */
final class ProgressSteps {

    private final ShippingPorts ports;
    private final Escalations escalations;

    ProgressSteps(ShippingPorts ports, Escalations escalations) {
        this.ports = ports;
        this.escalations = escalations;
    }

    /**
     * The next direct read: on the poll schedule (its last delay repeats), or after the safety interval when the feed
     * brings the steps. Its deadline counts from the last progress.
     */
    Deferral nextPoll(ShippingState state, int pollsSoFar, StageContext context) {
        Duration delay = ports.tracking().delayBefore(pollsSoFar + 1);
        return Deferral.of(DeferralKinds.PROGRESS_POLL, null, context.now().plus(delay), deadline(state));
    }

    /**
     * A step the feed reported. One for another shipment (an earlier attempt), or for a shipment the stage does not
     * know as accepted yet (its acceptance still being resolved), changes nothing: the direct read catches up.
     */
    Decision<ShippingState> observed(ShippingState state, FulfillmentApi.Shipment step, StageContext context) {
        if (state == null || state.status() != ShippingStatus.ACCEPTED
                || !step.shipmentId().equals(state.shipmentId())) {
            return Decision.unchanged(state);
        }
        List<String> reached = FulfillmentStages.reachedSince(state.lastStage(), step.stage());
        if (reached.isEmpty()) {
            return Decision.unchanged(state);
        }
        Decision<ShippingState> decision = progressed(state, step, reached, context);
        return FulfillmentStages.terminal(reached.get(reached.size() - 1))
                ? decision.cancelling(DeferralKinds.PROGRESS_POLL) : decision;
    }

    /** The direct read of the shipment; the deadline counts from the last progress, however it was learnt. */
    Decision<ShippingState> poll(ShippingState state, int pollsSoFar, StageContext context) {
        CallOutcome<FulfillmentApi.Shipment> outcome = ports.calls().call(
                timeout -> ports.fulfillment().shipment(state.shipmentId(), timeout));
        List<String> reached = outcome instanceof CallOutcome.Succeeded<FulfillmentApi.Shipment> read
                ? FulfillmentStages.reachedSince(state.lastStage(), read.value().stage()) : List.of();
        if (reached.isEmpty()) {
            Decision<ShippingState> waiting = Decision.newState(state)
                    .withDeferral(nextPoll(state, pollsSoFar, context));
            boolean pastDeadline = !context.now().isBefore(deadline(state));
            return pastDeadline && !state.escalated()
                    ? escalations.escalating(waiting, state, "no fulfillment progress past " + state.lastStage()
                            + " since " + state.since() + failureNote(outcome), context)
                    : waiting;
        }
        FulfillmentApi.Shipment shipment = ((CallOutcome.Succeeded<FulfillmentApi.Shipment>) outcome).value();
        Decision<ShippingState> decision = progressed(state, shipment, reached, context);
        return FulfillmentStages.terminal(reached.get(reached.size() - 1)) ? decision
                : decision.withDeferral(nextPoll(decision.state(), 0, context));
    }

    /** Announces each stage reached, in order; an exception also calls operators. */
    private Decision<ShippingState> progressed(ShippingState state, FulfillmentApi.Shipment shipment,
            List<String> reached, StageContext context) {
        String now = reached.get(reached.size() - 1);
        ShippingStatus status = FulfillmentStages.DELIVERED.equals(now) ? ShippingStatus.DELIVERED
                : FulfillmentStages.EXCEPTION.equals(now) ? ShippingStatus.FULFILLMENT_EXCEPTION
                : ShippingStatus.ACCEPTED;
        ShippingState moved = state.progressed(now, status, context.now());
        Decision<ShippingState> decision = Decision.newState(moved);
        for (String stage : reached) {
            decision = decision.withEvent(ports.topic(),
                    ShippingEvents.progressed(ShippingEvents.metadata(context, state), shipment, stage));
        }
        if (status == ShippingStatus.FULFILLMENT_EXCEPTION) {
            // After acceptance an exception needs correction by people (address, carrier, damage), not a retry.
            return escalations.escalating(decision, state, "fulfillment exception: " + shipment.exceptionReason(),
                    context);
        }
        return decision;
    }

    private Instant deadline(ShippingState state) {
        return state.deadline(ports.policy().escalationDeadline());
    }

    private static String failureNote(CallOutcome<FulfillmentApi.Shipment> outcome) {
        return outcome instanceof CallOutcome.Failed<FulfillmentApi.Shipment> failed
                ? " (last poll: " + failed.failure().getMessage() + ")" : "";
    }
}
