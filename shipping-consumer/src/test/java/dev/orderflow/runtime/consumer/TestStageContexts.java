package dev.orderflow.runtime.consumer;

import java.time.Clock;

/**
 * Unit tests of a stage handler need a {@link StageContext}, whose constructor the runtime keeps to its package;
 * this test-only factory lives in that package until the runtime offers one.
 */
public final class TestStageContexts {

    private TestStageContexts() {
    }

    public static StageContext of(String consumer, Clock clock, String orderId, int attempt) {
        return new StageContext(consumer, clock, orderId, orderId, "cause-" + orderId, attempt);
    }
}
