package dev.orderflow.shipping.application;

import dev.orderflow.runtime.testkit.StageDriver;
import dev.orderflow.runtime.testkit.MutableClock;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.shipping.domain.ShippingState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One shipping stage under test: the handler over a fake provider, the real stage policy executor (one quick retry,
 * 1 ms backoff), a hand-moved clock and an in-memory runtime for one order.
 */
final class TestStage {

    static final Duration FIRST_DEFERRAL = Duration.ofSeconds(1);
    static final Duration FIRST_STATUS_CHECK = Duration.ofSeconds(2);
    static final Duration DEADLINE = Duration.ofMinutes(30);
    static final String TOPIC = "order.shipping";

    final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final FakeFulfillmentApi provider = new FakeFulfillmentApi();
    final ShippingHandler handler;
    final StageDriver<ShippingState> order;

    TestStage(String orderId) {
        this(orderId, ProgressTracking.polling(List.of(Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofMinutes(1))));
    }

    TestStage(String orderId, ProgressTracking tracking) {
        StageCallExecutor calls = new StageCallExecutor(StagePolicyConfig.load("shipping", Map.of(), Map.of(
                StagePolicyConfig.MAX_QUICK_RETRIES, "1",
                StagePolicyConfig.BACKOFF_INITIAL, "1ms",
                StagePolicyConfig.BACKOFF_MAX, "1ms",
                StagePolicyConfig.BREAKER_MINIMUM_CALLS, "1000",
                StagePolicyConfig.DEFERRAL_SCHEDULE, "1s,5s,30s",
                StagePolicyConfig.STATUS_QUERY_SCHEDULE, "2s,10s,1m",
                StagePolicyConfig.ESCALATION_DEADLINE, "30m")), new SimpleMeterRegistry(), clock);
        handler = new ShippingHandler(provider, calls, TOPIC, tracking);
        order = new StageDriver<>(handler, clock, orderId);
    }

    Instant now() {
        return clock.instant();
    }
}
