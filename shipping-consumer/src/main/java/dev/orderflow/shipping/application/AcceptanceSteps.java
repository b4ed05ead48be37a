package dev.orderflow.shipping.application;

import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.policy.CallOutcome;
import dev.orderflow.runtime.policy.ReactionTable;
import dev.orderflow.runtime.policy.Stage;
import dev.orderflow.runtime.provider.ProviderCallException;
import dev.orderflow.shipping.domain.ShippingState;
import dev.orderflow.shipping.domain.ShippingStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * The fulfillment request, one cell of DESIGN.md §1's shipping column per branch: accepted → announce it and start
 * following progress; refused (address, destination, restricted item) → fail fast, the order is blocked for a human
 * and the payment is left alone; transient or overload → deferred retry under the same key; ambiguous → status
 * query by key, and if the provider did not accept it, a deferred retry under the same key (safe: at most one
 * shipment per key); while even the status query fails → pending and re-checks.
 */
final class AcceptanceSteps {

    private final ShippingPorts ports;
    private final ProgressSteps progress;
    private final Escalations escalations;

    AcceptanceSteps(ShippingPorts ports, ProgressSteps progress, Escalations escalations) {
        this.ports = ports;
        this.progress = progress;
        this.escalations = escalations;
    }

    /** @param retriesSoFar deferred retries already made (0 on the first request of an attempt) */
    Decision<ShippingState> request(ShippingState state, int retriesSoFar, StageContext context) {
        String key = state.acceptKey(context.orderId());
        CallOutcome<FulfillmentApi.Shipment> outcome = ports.calls().call(timeout -> ports.fulfillment()
                .accept(key, context.orderId(), state.address(), state.items(), timeout));
        if (outcome instanceof CallOutcome.Succeeded<FulfillmentApi.Shipment> succeeded) {
            return accepted(state, succeeded.value(), context);
        }
        CallOutcome.Failed<FulfillmentApi.Shipment> failed = (CallOutcome.Failed<FulfillmentApi.Shipment>) outcome;
        return switch (ReactionTable.reactionTo(Stage.SHIPPING, failed.category())) {
            case RETRY_THEN_DEFER, BACK_OFF_AND_DEFER -> retryLater(state, retriesSoFar,
                    failed.retryAfter().orElse(Duration.ZERO), context);
            case QUERY_STATUS_THEN_PEND -> resolveByKey(state, "request: " + failed.failure().getMessage(), 0, false,
                    context);
            case BLOCK_FOR_OPERATOR -> rejected(state, refusalOf(failed.failure()), context);
            default -> throw new ClassifiedException(failed.category(), "fulfillment request cannot be sent as it is: "
                    + failed.failure().getMessage(), failed.failure());
        };
    }

    /**
     * Asks the provider whether it accepted the request under the order's key.
     *
     * @param checksSoFar deferred re-checks already made, for the schedule
     * @param lastCheck   the deadline has passed: if the answer is still unknown, escalate instead of re-checking
     */
    Decision<ShippingState> resolveByKey(ShippingState state, String why, int checksSoFar, boolean lastCheck,
            StageContext context) {
        String key = state.acceptKey(context.orderId());
        CallOutcome<FulfillmentApi.KeyStatus> outcome = ports.calls().call(
                timeout -> ports.fulfillment().acceptStatus(key, timeout));
        if (outcome instanceof CallOutcome.Failed<FulfillmentApi.KeyStatus> failed) {
            String reason = why + "; status query: " + failed.failure().getMessage();
            return lastCheck ? escalations.escalate(state.withStatus(ShippingStatus.PENDING),
                    "acceptance still unknown at the deadline: " + reason, context)
                    : pending(state, reason, checksSoFar, context);
        }
        FulfillmentApi.KeyStatus status = ((CallOutcome.Succeeded<FulfillmentApi.KeyStatus>) outcome).value();
        if (status instanceof FulfillmentApi.KeyStatus.Accepted found) {
            return accepted(state, found.shipment(), context);
        }
        if (status instanceof FulfillmentApi.KeyStatus.Rejected refused) {
            return rejected(state, refused.refusal(), context);
        }
        // Not accepted: nothing exists under the key, so sending the same request again is safe.
        if (state.cancelRequested()) {
            return cancelled(state);
        }
        return retryLater(state, 0, Duration.ZERO, context);
    }

    /** Nothing was shipped and nothing will be: the operator's cancel ends the stage. */
    Decision<ShippingState> cancelled(ShippingState state) {
        return Decision.newState(state.withStatus(ShippingStatus.CANCELLED))
                .cancelling(DeferralKinds.ACCEPT_RETRY)
                .cancelling(DeferralKinds.STATUS_RECHECK);
    }

    private Decision<ShippingState> accepted(ShippingState state, FulfillmentApi.Shipment shipment,
            StageContext context) {
        ShippingState following = state.accepted(shipment.shipmentId(), context.now());
        Decision<ShippingState> decision = Decision.<ShippingState>newState(following)
                .withEvent(ports.topic(), ShippingEvents.accepted(ShippingEvents.metadata(context, state),
                        shipment.shipmentId()))
                .cancelling(DeferralKinds.ACCEPT_RETRY)
                .cancelling(DeferralKinds.STATUS_RECHECK)
                .withDeferral(progress.nextPoll(following, 0, context));
        if (state.cancelRequested()) {
            // The goods may already move: recalling a shipment is a human's decision, never automatic.
            return escalations.escalating(decision, following,
                    "cancel asked for, but the provider had accepted the shipment " + shipment.shipmentId(), context);
        }
        return decision;
    }

    private Decision<ShippingState> rejected(ShippingState state, ShipmentRefusal refusal, StageContext context) {
        if (state.cancelRequested()) {
            return cancelled(state);
        }
        return Decision.newState(state.withStatus(ShippingStatus.REJECTED))
                .withEvent(ports.topic(), ShippingEvents.rejected(ShippingEvents.metadata(context, state), refusal))
                .cancelling(DeferralKinds.ACCEPT_RETRY)
                .cancelling(DeferralKinds.STATUS_RECHECK);
    }

    private Decision<ShippingState> retryLater(ShippingState state, int retriesSoFar, Duration retryAfter,
            StageContext context) {
        Duration delay = ports.policy().deferralDelay(retriesSoFar + 1);
        Instant due = context.now().plus(retryAfter.compareTo(delay) > 0 ? retryAfter : delay);
        return Decision.newState(state.withStatus(ShippingStatus.RETRY_SCHEDULED))
                .cancelling(DeferralKinds.STATUS_RECHECK)
                .withDeferral(Deferral.of(DeferralKinds.ACCEPT_RETRY, null, due,
                        state.deadline(ports.policy().escalationDeadline())));
    }

    private Decision<ShippingState> pending(ShippingState state, String reason, int checksSoFar,
            StageContext context) {
        Instant due = context.now().plus(ports.policy().statusQueryDelay(checksSoFar + 1));
        Decision<ShippingState> decision = Decision.newState(state.withStatus(ShippingStatus.PENDING));
        if (state.status() != ShippingStatus.PENDING) {
            // Announced once, when the outcome becomes unknown; the re-checks that follow change nothing visible.
            decision = decision.withEvent(ports.topic(),
                    ShippingEvents.pending(ShippingEvents.metadata(context, state), reason, due));
        }
        return decision.cancelling(DeferralKinds.ACCEPT_RETRY)
                .withDeferral(Deferral.of(DeferralKinds.STATUS_RECHECK, null, due,
                        state.deadline(ports.policy().escalationDeadline())));
    }

    private static ShipmentRefusal refusalOf(ClassifiedException failure) {
        if (failure instanceof ShipmentRefusal refusal) {
            return refusal;
        }
        String reason = failure instanceof ProviderCallException call ? call.reasonCode().orElse("OTHER") : "OTHER";
        return new ShipmentRefusal(reason, failure.getMessage(), failure);
    }
}
