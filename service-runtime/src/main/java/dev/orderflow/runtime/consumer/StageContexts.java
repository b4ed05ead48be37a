package dev.orderflow.runtime.consumer;

import java.time.Clock;

/** Builds a {@link StageContext} outside the consumer loop: for handler unit tests and tools. */
public final class StageContexts {

    private StageContexts() {
    }

    public static StageContext of(String consumer, Clock clock, String orderId) {
        return new StageContext(consumer, clock, orderId, orderId, null, 1);
    }
}
