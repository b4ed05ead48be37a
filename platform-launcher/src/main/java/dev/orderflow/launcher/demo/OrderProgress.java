package dev.orderflow.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.orderstream.domain.OrderState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the orders are, as the order API's read model counts them ({@code GET /stats} of order-stream): how many
 * orders it holds, how many are in each state, and the deferred work they wait for. Feeds the live progress line
 * and the summary.
 *
 * @param orders         every order the read model holds, i.e. placed and seen by order-stream
 * @param states         orders per state; every state is present, 0 when empty
 * @param pendingActions deferred work the orders wait for (status checks, shipment retries, compensation)
 */
record OrderProgress(long orders, Map<OrderState, Long> states, long pendingActions) {

    /**
     * The run is over for an order in one of these: it ended (delivered, rejected, cancelled, resolved) or waits for a
     * human (blocked, escalated); nothing more happens to it by itself.
     */
    static final Set<OrderState> SETTLED = Collections.unmodifiableSet(EnumSet.of(OrderState.DELIVERED,
            OrderState.REJECTED, OrderState.CANCELLED, OrderState.RESOLVED, OrderState.BLOCKED,
            OrderState.ESCALATED));

    static final OrderProgress NONE = new OrderProgress(0, Map.of(), 0);

    OrderProgress {
        Map<OrderState, Long> all = new EnumMap<>(OrderState.class);
        for (OrderState state : OrderState.values()) {
            all.put(state, states.getOrDefault(state, 0L));
        }
        states = Collections.unmodifiableMap(all);
    }

    /**
     * Reads a {@code GET /stats} body: {@code {"orders": 3, "states": {"PLACED": 1, ...},
     * "pendingActions": 1}}; unknown states are skipped.
     */
    static OrderProgress fromStats(JsonNode stats) {
        if (!stats.path("orders").canConvertToLong() || !stats.path("states").isObject()) {
            throw new IllegalArgumentException("not an order-stream /stats answer: " + stats);
        }
        Map<OrderState, Long> states = new EnumMap<>(OrderState.class);
        for (OrderState state : OrderState.values()) {
            states.put(state, stats.path("states").path(state.name()).asLong(0));
        }
        return new OrderProgress(stats.path("orders").asLong(), states, stats.path("pendingActions").asLong(0));
    }

    long count(OrderState state) {
        return states.get(state);
    }

    /** Orders that reached an end or wait for a human. */
    long settled() {
        return SETTLED.stream().mapToLong(this::count).sum();
    }
}
