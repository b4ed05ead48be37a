package dev.orderflow.bench.system;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies in milliseconds, by the nearest-rank method: the p-th percentile is the
 * smallest value that at least p % of the samples do not exceed. Exact (every sample is kept), no interpolation.
 *
 * @param count samples
 * @param p50   median
 * @param p95   95th percentile
 * @param p99   99th percentile
 * @param max   largest sample
 * @param mean  arithmetic mean
 */
public record LatencySummary(int count, long p50, long p95, long p99, long max, double mean) {

    /** No samples: every figure 0. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    public static LatencySummary of(long[] samplesMillis) {
        if (samplesMillis.length == 0) {
            return EMPTY;
        }
        long[] sorted = samplesMillis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
    }

    /**
     * Nearest rank: the value at rank ceil(p / 100 × n) of the sorted samples (rank 1 is the smallest).
     *
     * @param sorted ascending, not empty
     * @param p      0 < p <= 100
     */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
