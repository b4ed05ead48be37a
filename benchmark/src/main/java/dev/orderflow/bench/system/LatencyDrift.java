package dev.orderflow.bench.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether the system kept up with a set placing rate: the median latency (placed → shipment accepted) of each quarter
 * of the accepted orders, by when they were placed. At a rate the system sustains, the medians stay close to the
 * first quarter's whatever the rate; above it, every order waits behind the backlog the ones before it left, and the
 * latency grows for as long as the system is behind. A p99 measured then describes how long the backlog lasted, not
 * the rate, which is why the report says so instead of giving it as the rate's p99.
 *
 * <p>The rule, from the 98 runs at a set rate (200–612 orders/s) on record when it was written, judged from their
 * per-second series: the system fell behind when a later quarter's median is at least 500 ms above the first's and
 * either more than twice it or at least 750 ms above it (a run that is behind from its first quarter on has a high
 * start to double). The 64 runs it calls kept up accepted at least 95 % of the placing rate over the run, no later
 * quarter above 1.75 times the first (44 of them within 1.3); the 34 it calls fallen behind rose to 1.76–13.6 times.
 *
 * @param quarterMedians median latency of each quarter of the accepted orders, earliest placed first (ms); empty
 *                       when the run was too short to tell
 */
public record LatencyDrift(List<Long> quarterMedians) {

    /** Too few accepted orders, or placed over too short a time, to compare quarters. */
    public static final LatencyDrift UNKNOWN = new LatencyDrift(List.of());

    /** Below this many accepted orders a quarter is a handful of samples, and one slow call decides its median. */
    static final int MIN_ORDERS = 40;
    /**
     * Placing shorter than this makes a quarter shorter than 2 s: a few batch cycles of the stages, where one slow
     * commit or collection moves a quarter's median by more than a backlog would (a 2-second run in a cold JVM did).
     */
    static final Duration MIN_PLACING = Duration.ofSeconds(8);
    /** Growth smaller than this is a batch cycle or a collection, not a backlog, however large the ratio. */
    static final long MIN_GROWTH_MS = 500;
    /** Growth beyond this ratio of the first quarter's median is a backlog. */
    static final double GROWTH_RATIO = 2.0;
    /** Growth of this much is a backlog whatever the ratio: the run started behind. */
    static final long CLEAR_GROWTH_MS = 750;

    private static final int QUARTERS = 4;

    public LatencyDrift {
        quarterMedians = List.copyOf(quarterMedians);
        if (!quarterMedians.isEmpty() && quarterMedians.size() != QUARTERS) {
            throw new IllegalArgumentException("expected " + QUARTERS + " quarter medians, got " + quarterMedians);
        }
    }

    static LatencyDrift of(List<RunData.Order> orders) {
        List<RunData.Order> accepted = orders.stream().filter(o -> o.acceptedAt() > 0)
                .sorted(Comparator.comparingLong(RunData.Order::placedAt)).toList();
        int n = accepted.size();
        if (n < MIN_ORDERS
                || accepted.get(n - 1).placedAt() - accepted.get(0).placedAt() < MIN_PLACING.toMillis()) {
            return UNKNOWN;
        }
        long[] byPlacement = accepted.stream().mapToLong(o -> o.acceptedAt() - o.placedAt()).toArray();
        List<Long> medians = new ArrayList<>();
        for (int q = 0; q < QUARTERS; q++) {
            medians.add(LatencySummary.of(Arrays.copyOfRange(byPlacement, q * n / QUARTERS, (q + 1) * n / QUARTERS))
                    .p50());
        }
        return new LatencyDrift(medians);
    }

    public boolean known() {
        return !quarterMedians.isEmpty();
    }

    /** A later quarter's median rose above the first's by more than a batch cycle: orders outran the system. */
    @JsonProperty
    public boolean fellBehind() {
        if (!known()) {
            return false;
        }
        long first = quarterMedians.get(0);
        long peak = quarterMedians.subList(1, QUARTERS).stream().mapToLong(Long::longValue).max().orElseThrow();
        long growth = peak - first;
        return growth >= MIN_GROWTH_MS && (peak > GROWTH_RATIO * first || growth >= CLEAR_GROWTH_MS);
    }

    /**
     * For a report: the medians and what they say, e.g. "median by quarter of the orders 310, 720, 1350, 1900 ms:
     * the system fell behind the placing rate".
     */
    public String describe() {
        if (!known()) {
            return "too short a run to compare its quarters (at least " + MIN_ORDERS + " orders accepted, placed over "
                    + MIN_PLACING.toSeconds() + " s or more)";
        }
        return medians() + (fellBehind() ? ": the system fell behind the placing rate" : ": the system kept up");
    }

    /** The medians alone, e.g. "median by quarter of the orders 310, 720, 1350, 1900 ms". */
    public String medians() {
        return String.format(Locale.ROOT, "median by quarter of the orders %s ms",
                quarterMedians.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
}
