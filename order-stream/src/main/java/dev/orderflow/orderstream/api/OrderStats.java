package dev.orderflow.orderstream.api;

import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.domain.PendingAction;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many orders are in each state, over every instance, and how much deferred work they wait for: what a
 * dashboard or the local demo's progress line shows. Every state is listed, with 0 when no order is in it.
 *
 * @param orders         all orders the stores hold
 * @param pendingActions deferred work the orders wait for (status checks, shipment retries, compensation); the
 *                       operator decisions of blocked and escalated orders are not counted here
 */
public record OrderStats(long orders, Map<OrderState, Long> states, long pendingActions) {

    public OrderStats {
        Map<OrderState, Long> all = new EnumMap<>(OrderState.class);
        for (OrderState state : OrderState.values()) {
            all.put(state, states == null ? 0L : states.getOrDefault(state, 0L));
        }
        states = Collections.unmodifiableMap(all);
    }

    public static OrderStats of(Iterable<OrderView> views) {
        Tally tally = new Tally();
        views.forEach(tally::add);
        return tally.stats();
    }

    OrderStats plus(OrderStats other) {
        Map<OrderState, Long> sum = new EnumMap<>(states);
        other.states.forEach((state, count) -> sum.merge(state, count, Long::sum));
        return new OrderStats(orders + other.orders, sum, pendingActions + other.pendingActions);
    }

    /** Counts views one at a time, for scans that should not hold every view at once. */
    public static final class Tally {
        private final Map<OrderState, Long> states = new EnumMap<>(OrderState.class);
        private long orders;
        private long pendingActions;

        public void add(OrderView view) {
            orders++;
            states.merge(view.state(), 1L, Long::sum);
            pendingActions += view.pendingActions().stream()
                    .filter(a -> a.kind() != PendingAction.Kind.OPERATOR_DECISION).count();
        }

        public OrderStats stats() {
            return new OrderStats(orders, states, pendingActions);
        }
    }
}
