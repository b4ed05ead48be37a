package dev.orderflow.bench.system;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The figures of one run, computed from what was recorded: throughput, latency percentiles, relay rate, final
 * stage counts, and per-second series for the plots. Times in the series are seconds since the first order.
 *
 * @param placed              orders placed
 * @param accepted            orders whose shipment was accepted
 * @param delivered           orders delivered
 * @param placedPerSecond     placing rate: orders / (last placed - first placed)
 * @param acceptedPerSecond   end-to-end throughput: accepted orders / (last acceptance - first placed)
 * @param deliveredPerSecond  delivered orders / (last delivery - first placed)
 * @param peakAcceptedPerSecond the best 5-second window of acceptances, per second
 * @param latency             placed → shipment accepted, by the event's own timestamp (ms)
 * @param seenLatency         placed → ShipmentAccepted read from the topic (adds relay and read lag; ms)
 * @param deliveryLatency     placed → delivered (includes the sandbox's simulated fulfillment steps; ms)
 * @param relayedEvents       events the relay published
 * @param relayedPerSecond    relayed events / their time span
 * @param finalStages         where the orders ended (or stood when the drain timed out)
 * @param series              one point per second
 * @param hops                the latency of each step, between the event timestamps of its two ends (ms), in
 *                            workflow order: where the end-to-end time goes
 * @param drift               median latency of each quarter of the orders, by placement: whether the system kept
 *                            up with the placing rate
 */
public record RunFigures(long placed, long accepted, long delivered, double placedPerSecond,
                         double acceptedPerSecond, double deliveredPerSecond, double peakAcceptedPerSecond,
                         LatencySummary latency, LatencySummary seenLatency, LatencySummary deliveryLatency,
                         long relayedEvents, double relayedPerSecond, Map<OrderStage, Long> finalStages,
                         List<Second> series, Map<String, LatencySummary> hops, LatencyDrift drift) {

    /** Peak throughput is the best window of this many seconds, so one burst does not count as sustained. */
    static final int PEAK_WINDOW_SECONDS = 5;

    /**
     * One second of the run.
     *
     * @param second      seconds since the first order was placed
     * @param placed      orders placed in it
     * @param accepted    shipments accepted in it
     * @param delivered   deliveries in it
     * @param relayed     events relayed in it
     * @param latencyP50  median latency of the orders accepted in it (ms), -1 when none
     * @param latencyP99  99th percentile of the same (ms), -1 when none
     * @param stages      stage counts sampled in it (empty when none was taken)
     */
    public record Second(int second, long placed, long accepted, long delivered, long relayed, long latencyP50,
                         long latencyP99, Map<OrderStage, Long> stages) {
    }

    static RunFigures compute(RunData data) {
        List<RunData.Order> orders = data.orders();
        if (orders.isEmpty()) {
            return new RunFigures(0, 0, 0, 0, 0, 0, 0, LatencySummary.EMPTY, LatencySummary.EMPTY,
                    LatencySummary.EMPTY, data.relayedAt().size(), 0, Map.of(), List.of(), Map.of(),
                    LatencyDrift.UNKNOWN);
        }
        long start = orders.stream().mapToLong(RunData.Order::placedAt).min().orElseThrow();
        long[] latencies = orders.stream().filter(o -> o.acceptedAt() > 0)
                .mapToLong(o -> o.acceptedAt() - o.placedAt()).toArray();
        long[] seen = orders.stream().filter(o -> o.acceptedSeenAt() > 0)
                .mapToLong(o -> o.acceptedSeenAt() - o.placedAt()).toArray();
        long[] delivery = orders.stream().filter(o -> o.deliveredAt() > 0)
                .mapToLong(o -> o.deliveredAt() - o.placedAt()).toArray();
        Map<OrderStage, Long> stages = new EnumMap<>(OrderStage.class);
        orders.stream().filter(o -> o.stage() != null).forEach(o -> stages.merge(o.stage(), 1L, Long::sum));
        List<Second> series = series(data, start);
        double peak = 0;
        for (int i = 0; i + PEAK_WINDOW_SECONDS <= series.size(); i++) {
            long sum = 0;
            for (int j = i; j < i + PEAK_WINDOW_SECONDS; j++) {
                sum += series.get(j).accepted();
            }
            peak = Math.max(peak, sum / (double) PEAK_WINDOW_SECONDS);
        }
        return new RunFigures(orders.size(), latencies.length, delivery.length,
                rate(orders, RunData.Order::placedAt, start), rate(orders, RunData.Order::acceptedAt, start),
                rate(orders, RunData.Order::deliveredAt, start), peak, LatencySummary.of(latencies),
                LatencySummary.of(seen), LatencySummary.of(delivery), data.relayedAt().size(),
                relayRate(data.relayedAt()), stages, series, hops(orders), LatencyDrift.of(orders));
    }

    /**
     * Each step's latency over the orders that went through both of its ends: the order placed → reserved (the
     * inventory service read it from the orders topic, called the provider and committed), reserved → authorized
     * (the relay published the reservation, the payment service read it, called, committed), authorized → shipment
     * accepted (the same for shipping).
     */
    static Map<String, LatencySummary> hops(List<RunData.Order> orders) {
        Map<String, LatencySummary> hops = new java.util.LinkedHashMap<>();
        hops.put("placed → reserved", hop(orders, RunData.Order::placedAt, RunData.Order::reservedAt));
        hops.put("reserved → authorized", hop(orders, RunData.Order::reservedAt, RunData.Order::authorizedAt));
        hops.put("authorized → shipment accepted", hop(orders, RunData.Order::authorizedAt,
                RunData.Order::acceptedAt));
        return hops;
    }

    private static LatencySummary hop(List<RunData.Order> orders, ToLongFunction<RunData.Order> from,
                                      ToLongFunction<RunData.Order> to) {
        return LatencySummary.of(orders.stream().filter(o -> from.applyAsLong(o) > 0 && to.applyAsLong(o) > 0)
                .mapToLong(o -> to.applyAsLong(o) - from.applyAsLong(o)).toArray());
    }

    /** Orders that reached a time, per second from {@code start} until the last of them; 0 when fewer than 2. */
    static double rate(List<RunData.Order> orders, ToLongFunction<RunData.Order> time, long start) {
        long[] times = orders.stream().mapToLong(time).filter(t -> t > 0).toArray();
        if (times.length < 2) {
            return 0;
        }
        long last = java.util.Arrays.stream(times).max().orElseThrow();
        return times.length / Math.max(0.001, (last - start) / 1000.0);
    }

    private static double relayRate(List<Long> relayedAt) {
        if (relayedAt.size() < 2) {
            return 0;
        }
        long first = relayedAt.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = relayedAt.stream().mapToLong(Long::longValue).max().orElseThrow();
        return relayedAt.size() / Math.max(0.001, (last - first) / 1000.0);
    }

    private static List<Second> series(RunData data, long start) {
        int seconds = 1;
        for (RunData.Order o : data.orders()) {
            seconds = Math.max(seconds, 1 + secondOf(Math.max(o.placedAt(), Math.max(o.acceptedAt(), o.deliveredAt())),
                    start));
        }
        long[] placed = new long[seconds];
        long[] accepted = new long[seconds];
        long[] delivered = new long[seconds];
        long[] relayed = new long[seconds];
        List<List<Long>> latencies = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            latencies.add(new ArrayList<>());
        }
        for (RunData.Order o : data.orders()) {
            placed[secondOf(o.placedAt(), start)]++;
            if (o.acceptedAt() > 0) {
                int s = secondOf(o.acceptedAt(), start);
                accepted[s]++;
                latencies.get(s).add(o.acceptedAt() - o.placedAt());
            }
            if (o.deliveredAt() > 0) {
                delivered[secondOf(o.deliveredAt(), start)]++;
            }
        }
        for (long at : data.relayedAt()) {
            int s = secondOf(at, start);
            if (s < seconds) {
                relayed[s]++;
            }
        }
        Map<Integer, Map<OrderStage, Long>> stages = new TreeMap<>();
        for (RunRecorder.StageSample sample : data.stageSamples()) {
            int s = secondOf(sample.atMillis(), start);
            if (s < seconds) {
                stages.put(s, sample.counts());
            }
        }
        List<Second> series = new ArrayList<>(seconds);
        for (int i = 0; i < seconds; i++) {
            long[] sorted = latencies.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            series.add(new Second(i, placed[i], accepted[i], delivered[i], relayed[i],
                    sorted.length == 0 ? -1 : LatencySummary.percentile(sorted, 50),
                    sorted.length == 0 ? -1 : LatencySummary.percentile(sorted, 99),
                    stages.getOrDefault(i, Map.of())));
        }
        return series;
    }

    /** Events stamped a little before the first order (clock skew between writers) count in second 0. */
    private static int secondOf(long atMillis, long start) {
        return (int) Math.max(0, (atMillis - start) / 1000);
    }
}
