package dev.orderflow.runtime.consumer;

import dev.orderflow.runtime.failure.FailureCategory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The consumer runtime's meters, tagged with the consumer name. */
final class ConsumerMetrics {

    private final Counter processed;
    private final Counter duplicates;
    private final Counter parked;
    private final Counter deferredRun;
    private final Counter outboxEvents;
    private final Counter batchRetries;
    private final Timer handlerLatency;
    private final Map<FailureCategory, Counter> deadLettered = new EnumMap<>(FailureCategory.class);

    ConsumerMetrics(MeterRegistry registry, String consumer) {
        Tags tags = Tags.of("consumer", consumer);
        this.processed = registry.counter("orderflow.consumer.events.processed", tags);
        this.duplicates = registry.counter("orderflow.consumer.duplicates.skipped", tags);
        this.parked = registry.counter("orderflow.consumer.events.parked", tags);
        this.deferredRun = registry.counter("orderflow.consumer.deferred.run", tags);
        this.outboxEvents = registry.counter("orderflow.consumer.outbox.events", tags);
        this.batchRetries = registry.counter("orderflow.consumer.batch.retries", tags);
        this.handlerLatency = Timer.builder("orderflow.consumer.handler.latency").tags(tags)
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        for (FailureCategory category : FailureCategory.values()) {
            deadLettered.put(category, registry.counter("orderflow.consumer.dead.lettered",
                    tags.and("category", category.name())));
        }
    }

    void recordOrder(int handled, int parkedEvents, int deferred) {
        processed.increment(handled);
        parked.increment(parkedEvents);
        deferredRun.increment(deferred);
    }

    void committed(int events, int outbox) {
        outboxEvents.increment(outbox);
    }

    void duplicates(int count) {
        duplicates.increment(count);
    }

    void deadLettered(FailureCategory category) {
        deadLettered.get(category).increment();
    }

    void batchRetry() {
        batchRetries.increment();
    }

    void handlerLatency(long nanos) {
        handlerLatency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
