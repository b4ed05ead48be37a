package dev.orderflow.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.orderstream.api.OrderApiServer;
import dev.orderflow.orderstream.api.OrderDirectory;
import dev.orderflow.orderstream.api.OrderStats;
import dev.orderflow.orderstream.api.PeerClient;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderView;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo's progress comes from order-stream's real HTTP API ({@code GET /stats}), here over a stub store. */
class ProgressMonitorIT {

    @Test
    void readsTheCountsAndKeepsTheLastOnesWhileTheApiCannotAnswer() throws Exception {
        StubDirectory directory = new StubDirectory();
        directory.counts.put(OrderState.PLACED, 3L);
        directory.counts.put(OrderState.DELIVERED, 5L);
        directory.pendingActions = 1;
        try (OrderApiServer api = OrderApiServer.bind(0)) {
            api.start(directory, new PeerClient(Duration.ofSeconds(2)), Optional.empty(), () -> "");
            ProgressMonitor monitor = new ProgressMonitor(URI.create("http://127.0.0.1:" + api.port() + "/orders"));

            OrderProgress first = monitor.read();
            assertThat(first.orders()).isEqualTo(8);
            assertThat(first.count(OrderState.DELIVERED)).isEqualTo(5);
            assertThat(first.settled()).isEqualTo(5);
            assertThat(first.pendingActions()).isEqualTo(1);
            assertThat(monitor.misses()).isEmpty();

            directory.ready = false;
            OrderProgress during = monitor.read();
            assertThat(during).isEqualTo(first);
            assertThat(monitor.misses()).startsWith("1 (last: HTTP 503");
        }
    }

    private static final class StubDirectory implements OrderDirectory {
        final Map<OrderState, Long> counts = new EnumMap<>(OrderState.class);
        long pendingActions;
        volatile boolean ready = true;

        @Override
        public Ownership ownerOf(String orderId) {
            return Ownership.local();
        }

        @Override
        public Optional<OrderView> localView(String orderId) {
            return Optional.empty();
        }

        @Override
        public List<OrderView> localPage(OrderState state, String afterOrderId, int limit) {
            return List.of();
        }

        @Override
        public OrderStats localStats() {
            return new OrderStats(counts.values().stream().mapToLong(Long::longValue).sum(), counts,
                    pendingActions);
        }

        @Override
        public List<String> peers() {
            return List.of();
        }

        @Override
        public Health health() {
            return new Health(ready ? "RUNNING" : "REBALANCING", true, ready);
        }
    }
}
