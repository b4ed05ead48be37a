package dev.orderflow.runtime.consumer;

import java.time.Clock;

/** Builds a {@link StageContext} outside the consumer loop: for handler unit tests and tools. */
public final class StageContexts {

    private StageContexts() {
    }

    public static StageContext of(String consumer, Clock clock, String orderId) {
        return new StageContext(consumer, clock, orderId, orderId, null, 1);
    }

    /** A context at a stage attempt, with causation {@code cause-<orderId>} so tests can check it is chained. */
    public static StageContext of(String consumer, Clock clock, String orderId, int attempt) {
        return new StageContext(consumer, clock, orderId, orderId, "cause-" + orderId, attempt);
    }
}
