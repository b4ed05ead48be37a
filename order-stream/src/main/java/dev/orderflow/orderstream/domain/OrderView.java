package dev.orderflow.orderstream.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read model of one order: its state, how it got there, and what it waits for. Immutable; the
 * {@link OrderStateMachine} derives the next view from this one and an event.
 *
 * @param stateEnteredAt     when the order entered {@code state}
 * @param clockStartedAt     where the current state's deadline counts from: the entry into the state, or the
 *                           latest progress for states where progress resets the clock (fulfilling)
 * @param deadline           when the order is escalated if it is still in this state; null when none applies
 * @param escalatedFrom      the state an {@link OrderState#ESCALATED} order was stuck in, else null
 * @param reason             why the order was rejected, blocked, escalated, cancelled or resolved
 * @param timeline           the latest transitions, oldest first, at most the configured number
 * @param droppedTransitions how many older transitions were dropped from {@code timeline}
 * @param attempts           the highest attempt seen per stage
 * @param seenEventIds       ids of the latest applied events (bounded), for deduplication
 * @param inventoryReserved  stock is reserved and not released: a cancellation has to release it
 * @param paymentAuthorized  money is authorized and not voided/refunded: a cancellation has to reverse it
 * @param version            number of events applied, plus escalations
 * @param parkedEvents       events that arrived before the state they apply to (co-partitioned topics are merged
 *                           by timestamp, not causally); each is retried after every change and applied as soon
 *                           as it fits (bounded, oldest dropped)
 */
public record OrderView(String orderId, String correlationId, OrderState state, Instant stateEnteredAt,
                        Instant clockStartedAt, Instant deadline, OrderState escalatedFrom, String reason,
                        List<Transition> timeline, int droppedTransitions, Map<Stage, Integer> attempts,
                        List<PendingAction> pendingActions, List<Anomaly> anomalies, List<String> seenEventIds,
                        Instant lastEventAt, boolean inventoryReserved, boolean paymentAuthorized, long version,
                        List<OrderEvent> parkedEvents) {

    public OrderView {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        timeline = List.copyOf(timeline);
        attempts = attempts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(attempts));
        pendingActions = List.copyOf(pendingActions);
        anomalies = List.copyOf(anomalies);
        seenEventIds = List.copyOf(seenEventIds);
        parkedEvents = parkedEvents == null ? List.of() : List.copyOf(parkedEvents);
    }

    /** The state that decides which events apply: the stuck state while escalated, else the state. */
    public OrderState effectiveState() {
        return state == OrderState.ESCALATED && escalatedFrom != null ? escalatedFrom : state;
    }

    public boolean hasSeen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable copy used while one event is applied. */
    static final class Builder {
        String orderId;
        String correlationId;
        OrderState state;
        Instant stateEnteredAt;
        Instant clockStartedAt;
        Instant deadline;
        OrderState escalatedFrom;
        String reason;
        List<Transition> timeline;
        int droppedTransitions;
        Map<Stage, Integer> attempts;
        List<PendingAction> pendingActions;
        List<Anomaly> anomalies;
        List<String> seenEventIds;
        Instant lastEventAt;
        boolean inventoryReserved;
        boolean paymentAuthorized;
        long version;
        List<OrderEvent> parked;
        /** Set while one event is decided: it did not fit the current state. */
        boolean rejected;

        Builder(OrderView v) {
            orderId = v.orderId;
            correlationId = v.correlationId;
            state = v.state;
            stateEnteredAt = v.stateEnteredAt;
            clockStartedAt = v.clockStartedAt;
            deadline = v.deadline;
            escalatedFrom = v.escalatedFrom;
            reason = v.reason;
            timeline = new ArrayList<>(v.timeline);
            droppedTransitions = v.droppedTransitions;
            attempts = new EnumMap<>(Stage.class);
            attempts.putAll(v.attempts);
            pendingActions = new ArrayList<>(v.pendingActions);
            anomalies = new ArrayList<>(v.anomalies);
            seenEventIds = new ArrayList<>(v.seenEventIds);
            lastEventAt = v.lastEventAt;
            inventoryReserved = v.inventoryReserved;
            paymentAuthorized = v.paymentAuthorized;
            version = v.version;
            parked = new ArrayList<>(v.parkedEvents);
        }

        OrderView build() {
            return new OrderView(orderId, correlationId, state, stateEnteredAt, clockStartedAt, deadline,
                    escalatedFrom, reason, timeline, droppedTransitions, attempts, pendingActions, anomalies,
                    seenEventIds, lastEventAt, inventoryReserved, paymentAuthorized, version, parked);
        }
    }

    /** The view of an order before its first event. */
    static OrderView empty(String orderId, Instant at) {
        return new OrderView(orderId, null, OrderState.PLACED, at, at, null, null, null, List.of(), 0, Map.of(),
                List.of(), List.of(), List.of(), null, false, false, 0, List.of());
    }
}
