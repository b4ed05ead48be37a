package dev.orderflow.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.orderstream.domain.OrderState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderProgressTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheStatsAnswerWithEveryState() throws Exception {
        OrderProgress progress = OrderProgress.fromStats(json.readTree("""
                {"orders": 7, "states": {"PLACED": 1, "PAYMENT_PENDING": 2, "DELIVERED": 3, "ESCALATED": 1,
                 "SOMETHING_NEW": 9}, "pendingActions": 2}"""));

        assertThat(progress.orders()).isEqualTo(7);
        assertThat(progress.count(OrderState.PAYMENT_PENDING)).isEqualTo(2);
        assertThat(progress.count(OrderState.CANCELLED)).isZero();
        assertThat(progress.states()).hasSize(OrderState.values().length);
        assertThat(progress.pendingActions()).isEqualTo(2);
    }

    @Test
    void settledMeansEndedOrWaitingForAHuman() {
        OrderProgress progress = new OrderProgress(9, Map.of(OrderState.DELIVERED, 2L, OrderState.REJECTED, 1L,
                OrderState.CANCELLED, 1L, OrderState.BLOCKED, 1L, OrderState.ESCALATED, 1L, OrderState.RESOLVED, 1L,
                OrderState.COMPENSATING, 1L, OrderState.FULFILLING, 1L), 0);

        assertThat(progress.settled()).isEqualTo(7);
    }

    @Test
    void refusesAnAnswerThatIsNotStats() {
        assertThatThrownBy(() -> OrderProgress.fromStats(json.readTree("{\"type\":\"problem\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/stats");
    }

    @Test
    void theProgressLineShowsPlacedRateStatesWithOrdersAndDeadLetters() {
        OrderProgress progress = new OrderProgress(12, Map.of(OrderState.PLACED, 2L, OrderState.DELIVERED, 9L,
                OrderState.ESCALATED, 1L), 2);

        assertThat(DemoRun.line(progress, 6.0, 4, 5, 3)).isEqualTo(
                "   4s  placed 12 (6/s) | placed 2 | delivered 9 | escalated 1 | retries 5 | deferred 2 | DLQ 3");
        assertThat(DemoRun.line(OrderProgress.NONE, 0, 2, 0, 0))
                .isEqualTo("   2s  placed 0 (0/s) | no order in the read model yet | retries 0 | deferred 0 | DLQ 0");
    }
}
