package dev.orderflow.orderstream.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long an order may stay in each non-terminal state before it is escalated. A state without a deadline is
 * never escalated (by default {@link OrderState#BLOCKED}, which is already in the exception queue, and
 * {@link OrderState#ESCALATED} itself, which is what makes escalation happen once per stuck episode).
 */
public final class EscalationPolicy {

    private final Map<OrderState, Duration> deadlines;

    private EscalationPolicy(Map<OrderState, Duration> deadlines) {
        this.deadlines = Map.copyOf(deadlines);
    }

    public static EscalationPolicy of(Map<OrderState, Duration> deadlines) {
        for (Map.Entry<OrderState, Duration> e : deadlines.entrySet()) {
            if (e.getKey().terminal() || e.getKey() == OrderState.ESCALATED) {
                throw new IllegalArgumentException("state " + e.getKey() + " cannot have an escalation deadline");
            }
            if (e.getValue().isNegative() || e.getValue().isZero()) {
                throw new IllegalArgumentException("deadline of " + e.getKey() + " must be positive");
            }
        }
        return new EscalationPolicy(deadlines);
    }

    /** The defaults: minutes for automated steps, payment 15 min, fulfilling 48 h without progress. */
    public static Map<OrderState, Duration> defaultDeadlines() {
        Map<OrderState, Duration> d = new EnumMap<>(OrderState.class);
        d.put(OrderState.PLACED, Duration.ofMinutes(15));
        d.put(OrderState.INVENTORY_PENDING, Duration.ofMinutes(30));
        d.put(OrderState.INVENTORY_RESERVED, Duration.ofMinutes(15));
        d.put(OrderState.PAYMENT_PENDING, Duration.ofMinutes(15));
        d.put(OrderState.PAYMENT_AUTHORIZED, Duration.ofMinutes(30));
        d.put(OrderState.SHIPMENT_PENDING, Duration.ofHours(2));
        d.put(OrderState.SHIPMENT_ACCEPTED, Duration.ofHours(24));
        d.put(OrderState.FULFILLING, Duration.ofHours(48));
        d.put(OrderState.COMPENSATING, Duration.ofHours(1));
        return d;
    }

    public Optional<Duration> deadlineOf(OrderState state) {
        return Optional.ofNullable(deadlines.get(state));
    }

    /** When an order in {@code state} whose clock started at {@code clockStart} is escalated, if ever. */
    public Optional<Instant> deadline(OrderState state, Instant clockStart) {
        return deadlineOf(state).map(clockStart::plus);
    }

    public Map<OrderState, Duration> deadlines() {
        return deadlines;
    }
}
