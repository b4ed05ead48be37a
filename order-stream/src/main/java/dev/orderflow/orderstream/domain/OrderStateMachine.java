package dev.orderflow.orderstream.domain;

import static dev.orderflow.orderstream.domain.OrderState.BLOCKED;
import static dev.orderflow.orderstream.domain.OrderState.CANCELLED;
import static dev.orderflow.orderstream.domain.OrderState.COMPENSATING;
import static dev.orderflow.orderstream.domain.OrderState.DELIVERED;
import static dev.orderflow.orderstream.domain.OrderState.ESCALATED;
import static dev.orderflow.orderstream.domain.OrderState.FULFILLING;
import static dev.orderflow.orderstream.domain.OrderState.INVENTORY_PENDING;
import static dev.orderflow.orderstream.domain.OrderState.INVENTORY_RESERVED;
import static dev.orderflow.orderstream.domain.OrderState.PAYMENT_AUTHORIZED;
import static dev.orderflow.orderstream.domain.OrderState.PAYMENT_PENDING;
import static dev.orderflow.orderstream.domain.OrderState.PLACED;
import static dev.orderflow.orderstream.domain.OrderState.REJECTED;
import static dev.orderflow.orderstream.domain.OrderState.RESOLVED;
import static dev.orderflow.orderstream.domain.OrderState.SHIPMENT_ACCEPTED;
import static dev.orderflow.orderstream.domain.OrderState.SHIPMENT_PENDING;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pure rules of the order workflow: which event moves an order from which state to which (DESIGN.md §1, §3).
 *
 * <p>It never throws on unexpected input: a duplicate (known event id) changes nothing, an event that does not fit
 * the current state is recorded as an {@link Anomaly}, leaves the state as it is and is parked: the five input
 * topics are merged by timestamp, not causally, so a {@code PaymentDeclined} can arrive before the
 * {@code InventoryReserved} it follows. Parked events are retried after every change and applied (flagged out of
 * order) as soon as they fit; a late event is flagged out of order but still applied when it fits. An {@link OrderState#ESCALATED} order is judged by the state it was
 * stuck in, so the event that resolves the stuck step (e.g. a late {@code PaymentAuthorized}) moves it on; an event
 * that only repeats the stuck state (another {@code PaymentPending}) keeps it in the exception queue.
 *
 * <p>Operator commands: {@code ResolvePaymentCommand} closes a pending or escalated payment with the verified
 * outcome (AUTHORIZED → PAYMENT_AUTHORIZED, FAILED → compensation); {@code RetryShippingCommand} sends a blocked or
 * pending shipment back to SHIPMENT_PENDING; {@code CancelOrderCommand} with {@code compensate} undoes what was
 * done (COMPENSATING, then CANCELLED once the release/void/refund events arrived; CANCELLED at once if nothing was
 * done) and without it closes the order as RESOLVED. Cancelling is refused while the payment outcome is unknown
 * (no release or refund on an ambiguous payment) and, with compensation, once goods move.
 */
public final class OrderStateMachine {

    private static final Set<OrderState> BEFORE_INVENTORY = EnumSet.of(PLACED, INVENTORY_PENDING);
    private static final Set<OrderState> BEFORE_PAYMENT = EnumSet.of(INVENTORY_RESERVED, PAYMENT_PENDING);
    private static final Set<OrderState> BEFORE_SHIPMENT = EnumSet.of(PAYMENT_AUTHORIZED, SHIPMENT_PENDING);
    private static final Set<OrderState> SHIPPED = EnumSet.of(SHIPMENT_ACCEPTED, FULFILLING);
    private static final Set<OrderState> WITH_REASON = EnumSet.of(REJECTED, BLOCKED, ESCALATED, COMPENSATING,
            CANCELLED, RESOLVED);

    private final EscalationPolicy policy;
    private final ViewLimits limits;

    public OrderStateMachine(EscalationPolicy policy, ViewLimits limits) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The outcome of applying one event; {@code changed} is false only for a duplicate. */
    public record Result(OrderView view, boolean changed) {
    }

    /** Applies an event to an order's view ({@code null} when the order has no view yet). */
    public Result apply(OrderView current, OrderEvent event) {
        if (current != null && current.hasSeen(event.eventId())) {
            return new Result(current, false);
        }
        OrderView.Builder b = (current == null ? OrderView.empty(event.orderId(), event.occurredAt()) : current)
                .toBuilder();
        noteArrival(b, current, event);
        if (current == null && event.type() == EventType.ORDER_PLACED) {
            record(b, null, PLACED, event, null);
        } else {
            decide(b, event);
        }
        if (b.rejected) {
            park(b, event);
        } else {
            b = replayParked(b);
        }
        b.deadline = deadlineOf(b);
        return new Result(b.build(), true);
    }

    private void park(OrderView.Builder b, OrderEvent event) {
        b.rejected = false;
        if (b.state.terminal()) {
            return;
        }
        b.parked.add(event);
        while (b.parked.size() > limits.maxAnomalies()) {
            b.parked.remove(0);
        }
    }

    /** Applies parked events that fit now, earliest first, until none does. */
    private OrderView.Builder replayParked(OrderView.Builder b) {
        OrderView.Builder current = b;
        boolean progressed = true;
        while (progressed && !current.parked.isEmpty()) {
            progressed = false;
            List<OrderEvent> candidates = new ArrayList<>(current.parked);
            candidates.sort(Comparator.comparing(OrderEvent::occurredAt));
            for (OrderEvent parked : candidates) {
                OrderView.Builder trial = current.build().toBuilder();
                trial.parked.remove(parked);
                decide(trial, parked);
                if (!trial.rejected) {
                    anomaly(trial, Anomaly.Kind.OUT_OF_ORDER, parked, parked.type()
                            + " applied late, once the order reached the state it follows");
                    current = trial;
                    progressed = true;
                    break;
                }
            }
        }
        return current;
    }

    /**
     * Escalates an order whose deadline passed: the exception queue's entry for this stuck episode. Returns empty
     * when nothing is due, including for an order already escalated, which is why it happens once per episode.
     */
    public Optional<Escalation> escalateIfDue(OrderView view, Instant now) {
        if (view.deadline() == null || now.isBefore(view.deadline()) || view.state().terminal()
                || view.state() == ESCALATED) {
            return Optional.empty();
        }
        OrderState stuck = view.state();
        String eventId = UUID.nameUUIDFromBytes((view.orderId() + '|' + stuck + '|'
                + view.clockStartedAt().toEpochMilli()).getBytes(StandardCharsets.UTF_8)).toString();
        String reason = stuck + " for longer than " + policy.deadlineOf(stuck).map(Object::toString).orElse("?")
                + " (deadline " + view.deadline() + ")";
        OrderView.Builder b = view.toBuilder();
        b.version++;
        remember(b, eventId);
        b.timeline.add(new Transition(stuck, ESCALATED, eventId, "OrderEscalated", now, reason));
        trimTimeline(b);
        b.state = ESCALATED;
        b.escalatedFrom = stuck;
        b.reason = reason;
        b.pendingActions = new ArrayList<>(List.of(PendingAction.of(PendingAction.Kind.OPERATOR_DECISION)));
        b.deadline = null;
        return Optional.of(new Escalation(b.build(), eventId, stuck, view.stateEnteredAt(), view.deadline(), reason));
    }

    private void noteArrival(OrderView.Builder b, OrderView current, OrderEvent e) {
        if (current == null && e.type() != EventType.ORDER_PLACED) {
            anomaly(b, Anomaly.Kind.MISSING_ORDER_PLACED, e, e.type() + " arrived before OrderPlaced");
        } else if (e.type() != EventType.ORDER_PLACED && b.lastEventAt != null
                && e.occurredAt().isBefore(b.lastEventAt)) {
            // A late OrderPlaced is flagged once, by decide().
            anomaly(b, Anomaly.Kind.OUT_OF_ORDER, e, e.type() + " occurred at " + e.occurredAt()
                    + ", before the latest applied event (" + b.lastEventAt + ")");
        }
        b.version++;
        remember(b, e.eventId());
        if (b.lastEventAt == null || e.occurredAt().isAfter(b.lastEventAt)) {
            b.lastEventAt = e.occurredAt();
        }
        e.type().stage().ifPresent(stage -> b.attempts.merge(stage, Math.max(1, e.attempt()), Math::max));
        if (b.correlationId == null) {
            b.correlationId = e.correlationId();
        }
    }

    private void decide(OrderView.Builder b, OrderEvent e) {
        OrderState s = b.state == ESCALATED && b.escalatedFrom != null ? b.escalatedFrom : b.state;
        switch (e.type()) {
            case ORDER_PLACED -> anomaly(b, Anomaly.Kind.OUT_OF_ORDER, e, "OrderPlaced after the order's other events");
            case INVENTORY_PENDING -> moveIf(b, e, s, BEFORE_INVENTORY, INVENTORY_PENDING);
            case INVENTORY_RESERVED -> {
                if (moveIf(b, e, s, BEFORE_INVENTORY, INVENTORY_RESERVED)) {
                    b.inventoryReserved = true;
                }
            }
            case INVENTORY_REJECTED -> moveIf(b, e, s, BEFORE_INVENTORY, REJECTED);
            case INVENTORY_RELEASED -> compensated(b, e, s, PendingAction.Kind.RELEASE_INVENTORY);
            case INVENTORY_COMMITTED -> stay(b, e);
            case PAYMENT_PENDING -> moveIf(b, e, s, BEFORE_PAYMENT, PAYMENT_PENDING);
            case PAYMENT_AUTHORIZED -> authorize(b, e, s);
            case PAYMENT_DECLINED -> {
                if (expect(b, e, s, BEFORE_PAYMENT)) {
                    compensate(b, e, "payment declined: " + e.reason());
                }
            }
            case PAYMENT_VOIDED, PAYMENT_REFUNDED -> compensated(b, e, s, PendingAction.Kind.REVERSE_PAYMENT);
            case ORDER_ESCALATED -> {
                if (expect(b, e, s, EnumSet.of(PAYMENT_PENDING))) {
                    escalate(b, e, s);
                }
            }
            case SHIPMENT_PENDING -> moveIf(b, e, s, BEFORE_SHIPMENT, SHIPMENT_PENDING);
            case SHIPMENT_ACCEPTED -> moveIf(b, e, s, BEFORE_SHIPMENT, SHIPMENT_ACCEPTED);
            case SHIPMENT_REJECTED -> moveIf(b, e, s, BEFORE_SHIPMENT, BLOCKED);
            case FULFILLMENT_PROGRESSED -> progress(b, e, s);
            case RESOLVE_PAYMENT_COMMAND -> resolvePayment(b, e, s);
            case RETRY_SHIPPING_COMMAND -> moveIf(b, e, s, EnumSet.of(BLOCKED, SHIPMENT_PENDING), SHIPMENT_PENDING);
            case CANCEL_ORDER_COMMAND -> cancel(b, e, s);
            default -> throw new IllegalStateException("unhandled event type " + e.type());
        }
    }

    private void authorize(OrderView.Builder b, OrderEvent e, OrderState s) {
        if (moveIf(b, e, s, BEFORE_PAYMENT, PAYMENT_AUTHORIZED)) {
            b.paymentAuthorized = true;
        }
    }

    private void resolvePayment(OrderView.Builder b, OrderEvent e, OrderState s) {
        if (!expect(b, e, s, EnumSet.of(PAYMENT_PENDING))) {
            return;
        }
        if (e.paymentOutcome() == PaymentOutcome.AUTHORIZED) {
            b.paymentAuthorized = true;
            move(b, e, PAYMENT_AUTHORIZED, pendingFor(PAYMENT_AUTHORIZED, e));
        } else {
            compensate(b, e, "payment failed (verified by an operator): " + e.reason());
        }
    }

    private void progress(OrderView.Builder b, OrderEvent e, OrderState s) {
        if (!expect(b, e, s, SHIPPED)) {
            return;
        }
        FulfillmentStep step = e.fulfillmentStep() == null ? FulfillmentStep.EXCEPTION : e.fulfillmentStep();
        switch (step) {
            case DELIVERED -> move(b, e, DELIVERED, List.of());
            case EXCEPTION -> move(b, e, BLOCKED, pendingFor(BLOCKED, e));
            default -> {
                // Progress restarts the clock: the deadline of FULFILLING means "no progress for that long".
                move(b, e, FULFILLING, List.of());
                b.clockStartedAt = e.occurredAt();
            }
        }
    }

    private void cancel(OrderView.Builder b, OrderEvent e, OrderState s) {
        if (s.terminal()) {
            invalid(b, e, s, "the order is already closed");
        } else if (s == PAYMENT_PENDING) {
            invalid(b, e, s, "the payment outcome is unknown: resolve the payment first (no release or refund on "
                    + "an ambiguous payment)");
        } else if (e.compensate() && SHIPPED.contains(s)) {
            invalid(b, e, s, "goods are moving: a shipment cannot be compensated automatically");
        } else if (s == COMPENSATING) {
            stay(b, e);
        } else if (!e.compensate()) {
            move(b, e, RESOLVED, List.of());
            b.reason = "closed by an operator without compensation: " + e.reason();
        } else {
            compensate(b, e, "cancelled by an operator: " + e.reason());
        }
    }

    /** Starts compensation of whatever was done; with nothing to undo the order is cancelled at once. */
    private void compensate(OrderView.Builder b, OrderEvent e, String reason) {
        List<PendingAction> undo = new ArrayList<>();
        if (b.inventoryReserved) {
            undo.add(PendingAction.of(PendingAction.Kind.RELEASE_INVENTORY));
        }
        if (b.paymentAuthorized) {
            undo.add(PendingAction.of(PendingAction.Kind.REVERSE_PAYMENT));
        }
        move(b, e, undo.isEmpty() ? CANCELLED : COMPENSATING, undo);
        b.reason = reason;
    }

    /** A release, void or refund: completes a compensation step, or is just recorded outside compensation. */
    private void compensated(OrderView.Builder b, OrderEvent e, OrderState s, PendingAction.Kind done) {
        if (e.superseded()) {
            // A superseded attempt's reservation: the order's own reservation stands.
            stay(b, e);
            return;
        }
        boolean held = done == PendingAction.Kind.RELEASE_INVENTORY ? b.inventoryReserved : b.paymentAuthorized;
        if (s != COMPENSATING && !held) {
            // Nothing reserved or authorized yet: it arrived before the event it undoes (parked until it fits).
            invalid(b, e, s, "nothing to undo yet");
            return;
        }
        if (done == PendingAction.Kind.RELEASE_INVENTORY) {
            b.inventoryReserved = false;
        } else {
            b.paymentAuthorized = false;
        }
        if (s != COMPENSATING) {
            stay(b, e);
            return;
        }
        List<PendingAction> left = b.pendingActions.stream().filter(a -> a.kind() != done).toList();
        if (left.stream().anyMatch(a -> a.kind().compensation())) {
            b.pendingActions = new ArrayList<>(left);
            stay(b, e);
        } else {
            String reason = b.reason;
            move(b, e, CANCELLED, List.of());
            b.reason = reason;
        }
    }

    private void escalate(OrderView.Builder b, OrderEvent e, OrderState stuck) {
        if (b.state == ESCALATED) {
            stay(b, e);
            return;
        }
        move(b, e, ESCALATED, pendingFor(ESCALATED, e));
        b.escalatedFrom = stuck;
    }

    private boolean moveIf(OrderView.Builder b, OrderEvent e, OrderState s, Set<OrderState> from, OrderState to) {
        if (!expect(b, e, s, from)) {
            return false;
        }
        move(b, e, to, pendingFor(to, e));
        return true;
    }

    private boolean expect(OrderView.Builder b, OrderEvent e, OrderState s, Set<OrderState> from) {
        if (from.contains(s)) {
            return true;
        }
        invalid(b, e, s, "expected in " + from);
        return false;
    }

    private void invalid(OrderView.Builder b, OrderEvent e, OrderState s, String why) {
        b.rejected = true;
        anomaly(b, Anomaly.Kind.INVALID_TRANSITION, e, e.type() + " not applicable in state " + s + ": " + why);
    }

    /** Enters {@code to}; while escalated, an event that only repeats the stuck state keeps the order escalated. */
    private void move(OrderView.Builder b, OrderEvent e, OrderState to, List<PendingAction> pending) {
        OrderState from = b.state;
        if (from == ESCALATED && to == b.escalatedFrom) {
            stay(b, e);
            return;
        }
        record(b, from, to, e, e.reason());
        if (to != from) {
            b.stateEnteredAt = e.occurredAt();
            b.clockStartedAt = e.occurredAt();
        }
        b.state = to;
        b.escalatedFrom = null;
        b.pendingActions = new ArrayList<>(pending);
        b.reason = WITH_REASON.contains(to) ? e.reason() : null;
    }

    private void stay(OrderView.Builder b, OrderEvent e) {
        record(b, b.state, b.state, e, e.reason());
    }

    private static List<PendingAction> pendingFor(OrderState to, OrderEvent e) {
        return switch (to) {
            case INVENTORY_PENDING -> List.of(new PendingAction(PendingAction.Kind.INVENTORY_STATUS_CHECK,
                    e.nextCheckAt()));
            case PAYMENT_PENDING -> List.of(new PendingAction(PendingAction.Kind.PAYMENT_STATUS_CHECK,
                    e.nextCheckAt()));
            case SHIPMENT_PENDING -> List.of(new PendingAction(PendingAction.Kind.SHIPMENT_RETRY, e.nextCheckAt()));
            case BLOCKED, ESCALATED -> List.of(PendingAction.of(PendingAction.Kind.OPERATOR_DECISION));
            default -> List.of();
        };
    }

    private void record(OrderView.Builder b, OrderState from, OrderState to, OrderEvent e, String detail) {
        b.timeline.add(new Transition(from, to, e.eventId(), e.type().name(), e.occurredAt(), detail));
        trimTimeline(b);
    }

    private void trimTimeline(OrderView.Builder b) {
        while (b.timeline.size() > limits.maxTimelineEntries()) {
            b.timeline.remove(0);
            b.droppedTransitions++;
        }
    }

    private void remember(OrderView.Builder b, String eventId) {
        b.seenEventIds.add(eventId);
        while (b.seenEventIds.size() > limits.maxSeenEventIds()) {
            b.seenEventIds.remove(0);
        }
    }

    private void anomaly(OrderView.Builder b, Anomaly.Kind kind, OrderEvent e, String detail) {
        b.anomalies.add(new Anomaly(kind, e.eventId(), e.type().name(), e.occurredAt(), detail));
        while (b.anomalies.size() > limits.maxAnomalies()) {
            b.anomalies.remove(0);
        }
    }

    private Instant deadlineOf(OrderView.Builder b) {
        if (b.state.terminal() || b.state == ESCALATED) {
            return null;
        }
        return policy.deadline(b.state, b.clockStartedAt).orElse(null);
    }
}
