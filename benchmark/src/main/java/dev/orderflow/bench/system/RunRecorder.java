package dev.orderflow.bench.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the benchmark learns about its orders during a run: when each was placed (by the load generator),
 * when it reached shipment acceptance and delivery (by the events' own timestamps), where each is now, the relay's
 * events, and the stage counts sampled over time.
 */
final class RunRecorder implements ProgressListener {

    /** One order's times, epoch ms; 0 when not reached (yet). */
    static final class OrderTimes {
        long placedAt;
        long acceptedAt;
        long acceptedSeenAt;
        long deliveredAt;
        long reservedAt;
        long authorizedAt;
        OrderStage stage;
    }

    /** Stage counts at one moment. */
    record StageSample(long atMillis, Map<OrderStage, Long> counts) {
    }

    private final Map<String, OrderTimes> orders = new HashMap<>();
    private final List<Long> relayed = new ArrayList<>();
    private final List<StageSample> stageSamples = new ArrayList<>();
    private long settled;

    /** The load generator placed an order. */
    synchronized void placed(String orderId, long atMillis) {
        OrderTimes times = orders.computeIfAbsent(orderId, id -> new OrderTimes());
        times.placedAt = atMillis;
        if (times.stage == null) {
            times.stage = OrderStage.PLACED;
        }
    }

    /** Events of orders this recorder did not see placed (a warm-up's, another run's) are ignored. */
    @Override
    public synchronized void reached(String orderId, OrderStage stage, long atMillis, long seenAtMillis) {
        OrderTimes times = orders.get(orderId);
        if (times == null) {
            return;
        }
        if (stage == OrderStage.SHIPMENT_ACCEPTED && times.acceptedAt == 0) {
            times.acceptedAt = atMillis;
            times.acceptedSeenAt = seenAtMillis;
        }
        if (stage == OrderStage.RESERVED && times.reservedAt == 0) {
            times.reservedAt = atMillis;
        }
        if (stage == OrderStage.AUTHORIZED && times.authorizedAt == 0) {
            times.authorizedAt = atMillis;
        }
        if (stage == OrderStage.DELIVERED && times.deliveredAt == 0) {
            times.deliveredAt = atMillis;
        }
        boolean wasSettled = times.stage != null && times.stage.settled();
        times.stage = OrderStage.advance(times.stage, stage);
        if (!wasSettled && times.stage.settled()) {
            settled++;
            notifyAll();
        }
    }

    @Override
    public synchronized void relayed(long atMillis) {
        relayed.add(atMillis);
    }

    /** Waits up to {@code timeout} for {@code orders} orders to settle; true when they have. */
    synchronized boolean awaitSettled(long orders, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (settled < orders) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized long settled() {
        return settled;
    }

    /** Records the stage counts now, for the states-over-time plot. */
    synchronized StageSample sampleStages(long nowMillis) {
        StageSample sample = new StageSample(nowMillis, counts());
        stageSamples.add(sample);
        return sample;
    }

    synchronized Map<OrderStage, Long> counts() {
        Map<OrderStage, Long> counts = new EnumMap<>(OrderStage.class);
        orders.values().stream().filter(t -> t.stage != null).forEach(t -> counts.merge(t.stage, 1L, Long::sum));
        return counts;
    }

    /** Copies of what was recorded, for the figures. */
    synchronized RunData data() {
        List<RunData.Order> copy = new ArrayList<>(orders.size());
        orders.values().stream().filter(t -> t.placedAt > 0).forEach(t -> copy.add(new RunData.Order(t.placedAt,
                t.acceptedAt, t.acceptedSeenAt, t.deliveredAt, t.stage, t.reservedAt, t.authorizedAt)));
        return new RunData(copy, List.copyOf(relayed), List.copyOf(stageSamples));
    }
}
