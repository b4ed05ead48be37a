package dev.orderflow.bench.naive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Percentiles of a set of latencies, by nearest rank (the p-th percentile is the smallest sample with at least p % of
 * the samples at or below it), so each figure is a latency that was actually observed.
 */
public record LatencySummary(int samples, Duration p50, Duration p95, Duration p99, Duration max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);

    public static LatencySummary of(Collection<Duration> latencies) {
        if (latencies.isEmpty()) {
            return EMPTY;
        }
        List<Duration> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new LatencySummary(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private static Duration rank(List<Duration> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
