package dev.orderflow.shipping.application;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentStepObserved;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.RetryShippingCommand;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.shipping.domain.ShipAddress;
import dev.orderflow.shipping.domain.ShipItem;
import dev.orderflow.shipping.domain.ShippingState;
import dev.orderflow.shipping.domain.ShippingStatus;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipping stage: once the order (address, items) and its confirmed payment are both known — they come on
 * different topics, in either order — ask the fulfillment provider to accept a shipment, then follow it to
 * delivery (its steps come from the provider's event feed, copied into Kafka by the service, or from reading the
 * shipment). DESIGN.md §1's shipping column is in {@link AcceptanceSteps}, tracking in {@link ProgressSteps}.
 * Operators may retry after a rejection (a new key version) or cancel before acceptance.
 */
public final class ShippingHandler implements StageHandler<ShippingState> {

    private static final Logger LOG = LoggerFactory.getLogger(ShippingHandler.class);

    private final ShippingPorts ports;
    private final Escalations escalations;
    private final ProgressSteps progress;
    private final AcceptanceSteps acceptance;

    /**
     * @param topic    where the stage announces its events (the outbox row's destination)
     * @param tracking how accepted shipments are followed
     */
    public ShippingHandler(FulfillmentApi fulfillment, StageCallExecutor calls, String topic,
            ProgressTracking tracking) {
        this.ports = new ShippingPorts(fulfillment, calls, topic, tracking);
        this.escalations = new Escalations(ports);
        this.progress = new ProgressSteps(ports, escalations);
        this.acceptance = new AcceptanceSteps(ports, progress, escalations);
    }

    @Override
    public Class<ShippingState> stateType() {
        return ShippingState.class;
    }

    @Override
    public boolean handles(SpecificRecord event) {
        return event instanceof OrderPlaced || event instanceof PaymentAuthorized
                || event instanceof RetryShippingCommand || event instanceof CancelOrderCommand
                || event instanceof FulfillmentStepObserved;
    }

    @Override
    public List<String> validate(SpecificRecord event) {
        return EventValidation.problems(event);
    }

    @Override
    public Decision<ShippingState> onEvent(SpecificRecord event, EventMetadata metadata, ShippingState state,
            StageContext context) {
        if (event instanceof FulfillmentStepObserved step) {
            return progress.observed(state, new FulfillmentApi.Shipment(step.getShipmentId(), step.getStage(),
                    step.getCarrier(), step.getTrackingNumber(), step.getExceptionReason()), context);
        }
        ShippingState current = state != null ? state : ShippingState.empty(context.now(),
                metadata.getCorrelationId());
        if (event instanceof OrderPlaced placed) {
            return whenBothKnown(state, current.orderKnown() ? current
                    : current.withOrder(address(placed.getShippingAddress()), items(placed)), context);
        }
        if (event instanceof PaymentAuthorized authorized) {
            return whenBothKnown(state, current.paymentConfirmed() ? current
                    : current.withPayment(authorized.getAuthorizationId()), context);
        }
        if (event instanceof RetryShippingCommand retry) {
            return retry(current, retry, context);
        }
        CancelOrderCommand cancel = (CancelOrderCommand) event;
        return cancel.getCompensate() ? cancel(current, cancel, context) : Decision.unchanged(state);
    }

    @Override
    public Decision<ShippingState> onDeferred(DeferredAction action, ShippingState state, StageContext context) {
        if (state == null) {
            return Decision.unchanged(null);
        }
        boolean pastDeadline = action.pastDeadline(context.now());
        try {
            return switch (action.kind()) {
                case DeferralKinds.ACCEPT_RETRY -> state.status() != ShippingStatus.RETRY_SCHEDULED
                        ? Decision.unchanged(state)
                        : pastDeadline ? escalations.escalate(state, "shipment still not accepted at the deadline",
                                context)
                        : acceptance.request(state, action.attempts(), context);
                case DeferralKinds.STATUS_RECHECK -> state.status() != ShippingStatus.PENDING
                        ? Decision.unchanged(state)
                        : acceptance.resolveByKey(state, "acceptance unknown", action.attempts(), pastDeadline,
                                context);
                case DeferralKinds.PROGRESS_POLL -> state.status() != ShippingStatus.ACCEPTED
                        ? Decision.unchanged(state)
                        : progress.poll(state, action.attempts(), context);
                default -> {
                    LOG.warn("order {}: unknown deferred work '{}' ignored", context.orderId(), action.kind());
                    yield Decision.unchanged(state);
                }
            };
        } catch (ClassifiedException e) {
            if (e.category().retryable()) {
                throw e;
            }
            // A timer has no record to dead-letter: a request we cannot make as it is needs a human, not a loop.
            return escalations.escalate(state, action.kind() + " failed: " + e.getMessage(), context);
        }
    }

    /** Records what arrived; requests fulfillment as soon as both the order and the confirmed payment are known. */
    private Decision<ShippingState> whenBothKnown(ShippingState before, ShippingState now, StageContext context) {
        if (now.readyToRequest()) {
            return acceptance.request(now.startingWork(ShippingStatus.WAITING, context.now()), 0, context);
        }
        return now.equals(before) ? Decision.unchanged(before) : Decision.newState(now);
    }

    private Decision<ShippingState> retry(ShippingState state, RetryShippingCommand retry, StageContext context) {
        if (state.status() != ShippingStatus.REJECTED) {
            // Only a definite refusal allows a new key version; anything else could create a second shipment.
            LOG.info("order {}: retry shipping by {} ignored in status {}", context.orderId(), retry.getOperator(),
                    state.status());
            return Decision.unchanged(state);
        }
        LOG.info("order {}: retry shipping by {}: {}", context.orderId(), retry.getOperator(), retry.getReason());
        return whenBothKnown(state, state.nextAttempt(context.now()), context);
    }

    private Decision<ShippingState> cancel(ShippingState state, CancelOrderCommand cancel, StageContext context) {
        return switch (state.status()) {
            case WAITING, RETRY_SCHEDULED, REJECTED -> acceptance.cancelled(state);
            case PENDING -> acceptance.resolveByKey(state.cancelRequestedNow(), "cancelled by " + cancel.getOperator()
                    + " while acceptance was unknown", 0, false, context);
            case ACCEPTED -> escalations.escalate(state.cancelRequestedNow(), "cancel by " + cancel.getOperator()
                    + " after the shipment was accepted: recalling it is a human's decision", context);
            case DELIVERED, FULFILLMENT_EXCEPTION, CANCELLED -> Decision.unchanged(state);
        };
    }

    private static ShipAddress address(ShippingAddress a) {
        return new ShipAddress(a.getRecipientName(), a.getLine1(), a.getLine2(), a.getCity(), a.getPostalCode(),
                a.getRegion(), a.getCountryCode());
    }

    private static List<ShipItem> items(OrderPlaced placed) {
        return placed.getLineItems().stream().map(l -> new ShipItem(l.getSku(), l.getQuantity())).toList();
    }
}
