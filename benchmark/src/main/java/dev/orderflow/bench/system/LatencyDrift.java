package dev.orderflow.bench.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Whether the system kept up with a set placing rate: the median latency (placed → shipment accepted) of the first
 * quarter of the accepted orders, by when they were placed, against that of the last quarter. At a rate the system
 * sustains, the two stay close whatever the rate; above it, every order waits behind the backlog the ones before it
 * left, and the latency grows for as long as orders are placed. A p99 measured then describes how long the run
 * lasted, not the rate, which is why the report says so instead of giving it as the rate's p99.
 *
 * <p>The rule, from the 97 runs at a set rate (200–612 orders/s) on record when it was written, judged from their
 * per-second series: the system fell behind when the last quarter's median is at least 500 ms above the first's and
 * either more than twice it or a whole second above it (a run that is behind from its first quarter on has a high
 * start to double). The 71 runs it calls kept up accepted at least 95 % of the placing rate over the run and ended
 * within 1.95 times their start (55 of them within 1.3); the 26 it calls fallen behind grew by 1.9 to 11.6 times.
 *
 * @param firstQuarterP50 median latency of the earliest-placed quarter of the accepted orders (ms); -1 when too few
 * @param lastQuarterP50  the same for the latest-placed quarter (ms); -1 when too few
 */
public record LatencyDrift(long firstQuarterP50, long lastQuarterP50) {

    /** Too few accepted orders to compare quarters. */
    public static final LatencyDrift UNKNOWN = new LatencyDrift(-1, -1);

    /** Below this many accepted orders a quarter is a handful of samples, and one slow call decides its median. */
    static final int MIN_ORDERS = 40;
    /** Growth smaller than this is a batch cycle or a collection, not a backlog, however large the ratio. */
    static final long MIN_GROWTH_MS = 500;
    /** Growth beyond this ratio of the first quarter's median is a backlog. */
    static final double GROWTH_RATIO = 2.0;
    /** Growth of this much is a backlog whatever the ratio: the run started behind. */
    static final long CLEAR_GROWTH_MS = 1_000;

    static LatencyDrift of(List<RunData.Order> orders) {
        long[] byPlacement = orders.stream().filter(o -> o.acceptedAt() > 0)
                .sorted(Comparator.comparingLong(RunData.Order::placedAt))
                .mapToLong(o -> o.acceptedAt() - o.placedAt()).toArray();
        int n = byPlacement.length;
        if (n < MIN_ORDERS) {
            return UNKNOWN;
        }
        int quarter = n / 4;
        return new LatencyDrift(LatencySummary.of(Arrays.copyOfRange(byPlacement, 0, quarter)).p50(),
                LatencySummary.of(Arrays.copyOfRange(byPlacement, n - quarter, n)).p50());
    }

    public boolean known() {
        return firstQuarterP50 >= 0 && lastQuarterP50 >= 0;
    }

    /**
     * For a report: both medians and what they say, e.g. "median 310 ms in the first quarter of the orders, 1900 ms
     * in the last: the system fell behind the placing rate".
     */
    public String describe() {
        if (!known()) {
            return "too few orders accepted to compare the first and last quarter";
        }
        return medians() + (fellBehind() ? ": the system fell behind the placing rate" : ": the system kept up");
    }

    /** Both medians, e.g. "median 310 ms in the first quarter of the orders, 1900 ms in the last". */
    public String medians() {
        return String.format(Locale.ROOT, "median %d ms in the first quarter of the orders, %d ms in the last",
                firstQuarterP50, lastQuarterP50);
    }

    /** The latency grew through the run by more than a batch cycle: orders were placed faster than they were done. */
    @JsonProperty
    public boolean fellBehind() {
        long growth = lastQuarterP50 - firstQuarterP50;
        return known() && growth >= MIN_GROWTH_MS
                && (lastQuarterP50 > GROWTH_RATIO * firstQuarterP50 || growth >= CLEAR_GROWTH_MS);
    }
}
