package dev.orderflow.relay.internals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** What one source's relay reports: rows published and skipped, re-sends, publish latency and slot lag. */
public final class RelayMetrics {

    private final Counter published;
    private final Counter skipped;
    private final Counter resent;
    private final Timer publishLatency;
    private final AtomicLong slotLagBytes = new AtomicLong(-1);

    public RelayMetrics(MeterRegistry registry, String source) {
        this.published = Counter.builder("orderflow.relay.events.published").tag("source", source)
                .description("Outbox events acknowledged by Kafka").register(registry);
        this.skipped = Counter.builder("orderflow.relay.records.skipped").tag("source", source)
                .description("Change records that are not outbox events (heartbeats), acknowledged unpublished")
                .register(registry);
        this.resent = Counter.builder("orderflow.relay.events.resent").tag("source", source)
                .description("Events sent again because Kafka did not acknowledge them (may duplicate)")
                .register(registry);
        this.publishLatency = Timer.builder("orderflow.relay.publish.latency").tag("source", source)
                .description("From the outbox row's creation to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        Gauge.builder("orderflow.relay.slot.lag.bytes", slotLagBytes, AtomicLong::get).tag("source", source)
                .description("WAL bytes the replication slot retains beyond its confirmed position (-1: unknown)")
                .register(registry);
    }

    void published(long createdAtMillis, long ackedAtMillis) {
        published.increment();
        publishLatency.record(Duration.ofMillis(Math.max(0, ackedAtMillis - createdAtMillis)));
    }

    void skipped() {
        skipped.increment();
    }

    void resent(int count) {
        resent.increment(count);
    }

    void slotLag(long bytes) {
        slotLagBytes.set(bytes);
    }

    public long publishedCount() {
        return (long) published.count();
    }

    public long skippedCount() {
        return (long) skipped.count();
    }

    public long resentCount() {
        return (long) resent.count();
    }

    public long slotLagBytes() {
        return slotLagBytes.get();
    }
}
