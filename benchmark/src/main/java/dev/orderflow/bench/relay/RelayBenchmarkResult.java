package dev.orderflow.bench.relay;

import java.time.Duration;

/** The figures of one relay benchmark run, and the Markdown report made of them. */
record RelayBenchmarkResult(RelayBenchmark.Settings settings, ProducerPerformanceRun.Result raw,
                            double backlogEventsPerSecond, Duration backlogSpan, Duration backlogWallTime,
                            double liveRate, long liveEvents, double liveP50Millis, double liveP95Millis,
                            double liveP99Millis, double liveMaxMillis) {

    static final double BACKLOG_TARGET_RATIO = 0.80;
    static final double LIVE_P99_TARGET_MILLIS = 200;

    double backlogRatio() {
        return backlogEventsPerSecond / raw.recordsPerSecond();
    }

    String markdown(String command, String machine) {
        return String.join("\n",
                "| Measurement | Result | Target |",
                "|---|---|---|",
                String.format("| (a) Kafka ProducerPerformance, %d × %d B, acks=all, idempotent | %.0f records/s "
                        + "(%.1f MB/s) | |", raw.records(), settings.payloadBytes(), raw.recordsPerSecond(),
                        raw.megabytesPerSecond()),
                String.format("| (b) Relay draining a backlog of %d outbox events (%d per transaction) from %d "
                        + "source database(s) | %.0f events/s (%d ms of broker append time; %d ms from relay start) | |",
                        settings.backlogEvents(), settings.eventsPerTransaction(), settings.sources(), backlogEventsPerSecond,
                        backlogSpan.toMillis(), backlogWallTime.toMillis()),
                String.format("| Ratio (b)/(a) | **%.2f** | ≥ %.2f %s |", backlogRatio(), BACKLOG_TARGET_RATIO,
                        backlogRatio() >= BACKLOG_TARGET_RATIO ? "✅" : "❌"),
                String.format("| (c) Relay live, one event per transaction at %.0f events/s (%d events) | commit→"
                        + "consumer p50 %.1f ms, p95 %.1f ms, **p99 %.1f ms**, max %.1f ms | p99 ≤ %.0f ms %s |",
                        liveRate, liveEvents, liveP50Millis, liveP95Millis, liveP99Millis, liveMaxMillis,
                        LIVE_P99_TARGET_MILLIS, liveP99Millis <= LIVE_P99_TARGET_MILLIS ? "✅" : "❌"),
                "",
                "Command: `" + command + "`  ",
                "Machine: " + machine,
                "");
    }
}
