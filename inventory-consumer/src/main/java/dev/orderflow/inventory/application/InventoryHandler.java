package dev.orderflow.inventory.application;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.events.ShipmentAccepted;
import dev.orderflow.inventory.domain.InventoryState;
import dev.orderflow.inventory.domain.InventoryStatus;
import dev.orderflow.inventory.domain.StockLine;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.policy.StageCallExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory stage: reserves stock when an order is placed, releases it when the payment is declined or an
 * operator cancels with compensation, commits it when the shipment is accepted. Provider failures are answered as
 * DESIGN.md §1's inventory column says ({@link ReservationSteps}, {@link SettlementSteps}); work that cannot finish
 * now is a durable deferral, never a parked event, so the order's later events (a cancel) are never stuck behind it.
 */
public final class InventoryHandler implements StageHandler<InventoryState> {

    private static final Logger LOG = LoggerFactory.getLogger(InventoryHandler.class);

    private final InventoryPorts ports;
    private final Escalations escalations;
    private final SettlementSteps settlement;
    private final ReservationSteps reservation;
    private final SupersededAttempts superseded;

    /** @param topic where the stage announces its events (the outbox row's destination) */
    public InventoryHandler(StockApi stock, StageCallExecutor calls, String topic) {
        this.ports = new InventoryPorts(stock, calls, topic);
        this.escalations = new Escalations(ports);
        this.settlement = new SettlementSteps(ports, escalations);
        this.reservation = new ReservationSteps(ports, settlement, escalations);
        this.superseded = new SupersededAttempts(ports, reservation, escalations);
    }

    @Override
    public Class<InventoryState> stateType() {
        return InventoryState.class;
    }

    @Override
    public boolean handles(SpecificRecord event) {
        return event instanceof OrderPlaced || event instanceof PaymentDeclined || event instanceof CancelOrderCommand
                || event instanceof ShipmentAccepted;
    }

    @Override
    public List<String> validate(SpecificRecord event) {
        return EventValidation.problems(event);
    }

    @Override
    public Decision<InventoryState> onEvent(SpecificRecord event, EventMetadata metadata, InventoryState state,
            StageContext context) {
        if (event instanceof OrderPlaced placed) {
            return placed(placed, metadata, state, context);
        }
        if (event instanceof PaymentDeclined declined) {
            return releaseRequested(state, "PAYMENT_DECLINED", "payment declined: " + declined.getReasonCode(),
                    metadata, context);
        }
        if (event instanceof CancelOrderCommand cancel) {
            // Without compensation the operator only stops the order; completed stages stay as they are.
            return cancel.getCompensate()
                    ? releaseRequested(state, "ORDER_CANCELLED", "cancelled by " + cancel.getOperator() + ": "
                            + cancel.getReason(), metadata, context)
                    : Decision.unchanged(state);
        }
        return shipmentAccepted(state, context);
    }

    @Override
    public Decision<InventoryState> onDeferred(DeferredAction action, InventoryState state, StageContext context) {
        if (state == null) {
            return Decision.unchanged(null);
        }
        boolean pastDeadline = action.pastDeadline(context.now());
        try {
            return switch (action.kind()) {
                case DeferralKinds.RESERVE_RETRY -> ifStill(state, InventoryStatus.RETRY_SCHEDULED, pastDeadline,
                        "stock still not reserved at the deadline",
                        () -> reservation.reserve(state, action.attempts(), context), context);
                case DeferralKinds.STATUS_RECHECK -> state.status() != InventoryStatus.PENDING
                        ? Decision.unchanged(state)
                        : reservation.resolveByKey(state, "reserve outcome unknown", action.attempts(), pastDeadline,
                                context);
                case DeferralKinds.RELEASE_RETRY -> ifStill(state, InventoryStatus.RELEASE_SCHEDULED, pastDeadline,
                        "stock still not released at the deadline",
                        () -> settlement.release(state, action.attempts(), context), context);
                case DeferralKinds.COMMIT_RETRY -> ifStill(state, InventoryStatus.COMMIT_SCHEDULED, pastDeadline,
                        "stock still not committed at the deadline",
                        () -> settlement.commit(state, action.attempts(), context), context);
                case DeferralKinds.SUPERSEDED_CLEANUP -> superseded.cleanUp(state, action.attempts(),
                        action.deadline(), context);
                default -> {
                    LOG.warn("order {}: unknown deferred work '{}' ignored", context.orderId(), action.kind());
                    yield Decision.unchanged(state);
                }
            };
        } catch (ClassifiedException e) {
            if (e.category().retryable()) {
                throw e;
            }
            // A timer has no record to dead-letter: a call we cannot make as it is needs a human, not a loop.
            return escalations.escalate(state, action.kind() + " failed: " + e.getMessage(), context);
        }
    }

    /** Runs deferred {@code work} if the order still waits for it; past the deadline, escalates instead. */
    private Decision<InventoryState> ifStill(InventoryState state, InventoryStatus waitingIn, boolean pastDeadline,
            String lateReason, Supplier<Decision<InventoryState>> work, StageContext context) {
        if (state.status() != waitingIn) {
            return Decision.unchanged(state);    // the order moved on since the work was scheduled
        }
        return pastDeadline ? escalations.escalate(state, lateReason, context) : work.get();
    }

    private Decision<InventoryState> placed(OrderPlaced placed, EventMetadata metadata, InventoryState state,
            StageContext context) {
        if (state != null && state.status() == InventoryStatus.CANCELLED_BEFORE_PLACED) {
            return settlement.released(state, null, "cancelled before the order reached inventory; nothing reserved",
                    context);
        }
        List<StockLine> lines = new ArrayList<>();
        for (LineItem item : placed.getLineItems()) {
            lines.add(new StockLine(item.getSku(), item.getQuantity()));
        }
        if (state != null && metadata.getAttempt() > state.attempt()) {
            if (state.status().unresolved()) {
                return superseded.takeOver(state, metadata.getAttempt(), lines, context);
            }
            if (state.status() == InventoryStatus.REJECTED) {
                // A definite refusal before: the later attempt is judged afresh under its own key.
                return reservation.reserve(InventoryState.placed(metadata.getAttempt(), lines, context.now(),
                        metadata.getCorrelationId()), 0, context);
            }
        }
        if (state != null) {
            // Another OrderPlaced of an order already taken in (a redelivery under a new id, or a later attempt of an
            // order that already holds stock or was cancelled): the state decides, nothing is reserved again.
            LOG.info("order {}: already at the inventory stage ({}); OrderPlaced {} ignored", context.orderId(),
                    state.status(), metadata.getEventId());
            return Decision.unchanged(state);
        }
        return reservation.reserve(InventoryState.placed(metadata.getAttempt(), lines, context.now(),
                metadata.getCorrelationId()), 0, context);
    }

    private Decision<InventoryState> releaseRequested(InventoryState state, String reason, String detail,
            EventMetadata metadata, StageContext context) {
        if (state == null) {
            return Decision.newState(InventoryState.cancelledBeforePlaced(reason, detail, context.now(),
                    metadata.getCorrelationId()));
        }
        InventoryState asked = state.releaseRequested(reason, detail);
        return switch (state.status()) {
            case CANCELLED_BEFORE_PLACED, REJECTED, RELEASED -> Decision.unchanged(state);
            case RETRY_SCHEDULED, PENDING -> reservation.resolveByKey(asked.startingWork(state.status(), context.now()),
                    "order cancelled while the reservation was unresolved", 0, false, context);
            case RESERVED -> settlement.release(asked.startingWork(InventoryStatus.RESERVED, context.now()), 0,
                    context);
            case RELEASE_SCHEDULED -> settlement.release(asked, 0, context);
            case COMMIT_SCHEDULED, COMMITTED -> escalations.escalate(asked,
                    "release asked for (" + detail + ") but the stock is committed to an accepted shipment", context);
        };
    }

    private Decision<InventoryState> shipmentAccepted(InventoryState state, StageContext context) {
        if (state == null) {
            LOG.warn("order {}: shipment accepted for an order this stage never saw", context.orderId());
            return Decision.unchanged(null);
        }
        return switch (state.status()) {
            case RESERVED -> settlement.commit(state.startingWork(InventoryStatus.RESERVED, context.now()), 0, context);
            case COMMIT_SCHEDULED -> settlement.commit(state, 0, context);
            case COMMITTED -> Decision.unchanged(state);
            case RELEASED, RELEASE_SCHEDULED, REJECTED, CANCELLED_BEFORE_PLACED -> escalations.escalate(state,
                    "shipment accepted but the order holds no stock (" + state.status() + ")", context);
            case RETRY_SCHEDULED, PENDING -> {
                LOG.warn("order {}: shipment accepted before the reservation was confirmed ({})", context.orderId(),
                        state.status());
                yield Decision.unchanged(state);
            }
        };
    }
}
