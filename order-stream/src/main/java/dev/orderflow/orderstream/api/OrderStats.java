package dev.orderflow.orderstream.api;

import dev.orderflow.orderstream.domain.OrderState;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many orders are in each state, over every instance: what a dashboard or the local demo's progress line shows.
 * Every state is listed, with 0 when no order is in it.
 *
 * @param orders all orders the stores hold
 */
public record OrderStats(long orders, Map<OrderState, Long> states) {

    public OrderStats {
        Map<OrderState, Long> all = new EnumMap<>(OrderState.class);
        for (OrderState state : OrderState.values()) {
            all.put(state, states == null ? 0L : states.getOrDefault(state, 0L));
        }
        states = java.util.Collections.unmodifiableMap(all);
    }

    static OrderStats of(Map<OrderState, Long> counts) {
        return new OrderStats(counts.values().stream().mapToLong(Long::longValue).sum(), counts);
    }

    OrderStats plus(OrderStats other) {
        Map<OrderState, Long> sum = new EnumMap<>(states);
        other.states.forEach((state, count) -> sum.merge(state, count, Long::sum));
        return new OrderStats(orders + other.orders, sum);
    }
}
