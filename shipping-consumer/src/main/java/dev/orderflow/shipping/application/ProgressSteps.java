package dev.orderflow.shipping.application;

import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.policy.CallOutcome;
import dev.orderflow.shipping.domain.FulfillmentStages;
import dev.orderflow.shipping.domain.ShippingState;
import dev.orderflow.shipping.domain.ShippingStatus;
import java.time.Instant;
import java.util.List;

/**
 * Follows an accepted shipment (the paper §6.7: acceptance is not delivery): a durable polling deferral reads the
 * shipment's stage and announces every new stage as {@code FulfillmentProgressed}, until DELIVERED or EXCEPTION.
 * An exception, or no progress for the escalation deadline, calls operators; polling goes on after the latter so a
 * late delivery is still seen. A failed poll is simply repeated later.
 */
final class ProgressSteps {

    private final ShippingPorts ports;
    private final Escalations escalations;

    ProgressSteps(ShippingPorts ports, Escalations escalations) {
        this.ports = ports;
        this.escalations = escalations;
    }

    /**
     * The next poll, on the policy's status-query schedule (its last delay repeats); its deadline counts from the
     * last progress.
     */
    Deferral nextPoll(ShippingState state, int pollsSoFar, StageContext context) {
        Instant due = context.now().plus(ports.policy().statusQueryDelay(pollsSoFar + 1));
        return Deferral.of(DeferralKinds.PROGRESS_POLL, null, due, state.deadline(ports.policy().escalationDeadline()));
    }

    Decision<ShippingState> poll(ShippingState state, int pollsSoFar, boolean pastDeadline, StageContext context) {
        CallOutcome<FulfillmentApi.Shipment> outcome = ports.calls().call(
                timeout -> ports.fulfillment().shipment(state.shipmentId(), timeout));
        List<String> reached = outcome instanceof CallOutcome.Succeeded<FulfillmentApi.Shipment> read
                ? FulfillmentStages.reachedSince(state.lastStage(), read.value().stage()) : List.of();
        if (reached.isEmpty()) {
            Decision<ShippingState> waiting = Decision.newState(state)
                    .withDeferral(nextPoll(state, pollsSoFar, context));
            return pastDeadline && !state.escalated()
                    ? escalations.escalating(waiting, state, "no fulfillment progress past " + state.lastStage()
                            + " since " + state.since() + failureNote(outcome), context)
                    : waiting;
        }
        FulfillmentApi.Shipment shipment = ((CallOutcome.Succeeded<FulfillmentApi.Shipment>) outcome).value();
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
        return FulfillmentStages.terminal(now) ? decision : decision.withDeferral(nextPoll(moved, 0, context));
    }

    private static String failureNote(CallOutcome<FulfillmentApi.Shipment> outcome) {
        return outcome instanceof CallOutcome.Failed<FulfillmentApi.Shipment> failed
                ? " (last poll: " + failed.failure().getMessage() + ")" : "";
    }
}
