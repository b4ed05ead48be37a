package dev.orderflow.orderstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.orderstream.domain.EscalationPolicy;
import dev.orderflow.orderstream.domain.EventType;
import dev.orderflow.orderstream.domain.OrderEvent;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderStateMachine;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.domain.ViewLimits;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderStatsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private final OrderStateMachine machine = new OrderStateMachine(
            EscalationPolicy.of(EscalationPolicy.defaultDeadlines()), ViewLimits.DEFAULT);

    /** An order through the given events, each with its attempt number. */
    @SafeVarargs
    private OrderView order(String id, Map.Entry<EventType, Integer>... events) {
        OrderView v = machine.apply(null, OrderEvent.of(id + "-0", id, EventType.ORDER_PLACED, T0, 1)).view();
        int i = 1;
        for (Map.Entry<EventType, Integer> e : events) {
            v = machine.apply(v, OrderEvent.of(id + "-" + i, id, e.getKey(), T0.plusSeconds(i++), e.getValue()))
                    .view();
        }
        return v;
    }

    @Test
    void countsStatesAndPendingWork() {
        OrderStats stats = OrderStats.of(List.of(
                order("a", Map.entry(EventType.INVENTORY_RESERVED, 3)),
                order("b", Map.entry(EventType.INVENTORY_PENDING, 1)),
                order("c", Map.entry(EventType.INVENTORY_RESERVED, 1), Map.entry(EventType.PAYMENT_PENDING, 2)),
                order("d")));

        assertThat(stats.orders()).isEqualTo(4);
        assertThat(stats.states()).hasSize(OrderState.values().length)
                .containsEntry(OrderState.INVENTORY_RESERVED, 1L)
                .containsEntry(OrderState.INVENTORY_PENDING, 1L)
                .containsEntry(OrderState.PAYMENT_PENDING, 1L)
                .containsEntry(OrderState.PLACED, 1L)
                .containsEntry(OrderState.DELIVERED, 0L);
        assertThat(stats.pendingActions()).as("b's and c's status checks").isEqualTo(2);
    }

    @Test
    void sumsInstances() {
        OrderStats a = new OrderStats(2, Map.of(OrderState.PLACED, 2L), 0);
        OrderStats b = new OrderStats(3, Map.of(OrderState.PLACED, 1L, OrderState.DELIVERED, 2L), 5);

        OrderStats sum = a.plus(b);

        assertThat(sum).isEqualTo(new OrderStats(5, Map.of(OrderState.PLACED, 3L, OrderState.DELIVERED, 2L), 5));
    }
}
