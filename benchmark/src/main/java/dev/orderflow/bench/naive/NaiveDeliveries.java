package dev.orderflow.bench.naive;

import dev.orderflow.bench.naive.BlindRetryClient.Outcome;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the shortcut follows an accepted shipment to delivery, so that it does the same workflow as the stage-aware
 * shipping stage: it asks the fulfillment provider for the shipment's stage at a fixed interval until the shipment is
 * DELIVERED, then commits the stock reservation (blind retries, as every naive call), marks the order delivered and
 * publishes it (a dual write). The timers live in memory only: a crash forgets which shipments were being followed.
 * An EXCEPTION ends the following with its reason in the order's row, and nobody is told.
 */
final class NaiveDeliveries implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NaiveDeliveries.class);

    private final BlindRetryClient provider;
    private final NaiveOrderStore store;
    private final DualWriter events;
    private final String deliveredTopic;
    private final Duration pollEvery;
    private final Clock clock;
    private final ScheduledExecutorService timers;

    /**
     * @param pollEvery how long after acceptance, and after each answer short of the end, the shipment is asked for
     * @param threads   threads making the calls (the calls block, as the shortcut's HTTP client does)
     */
    NaiveDeliveries(BlindRetryClient provider, NaiveOrderStore store, DualWriter events, String deliveredTopic,
            Duration pollEvery, int threads, Clock clock) {
        this.provider = provider;
        this.store = store;
        this.events = events;
        this.deliveredTopic = deliveredTopic;
        this.pollEvery = pollEvery;
        this.clock = clock;
        AtomicInteger threadNo = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "naive-deliveries-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timers = executor;
    }

    /** Starts following an accepted shipment. */
    void follow(NaiveOrder order, String shipmentId) {
        pollLater(order, shipmentId);
    }

    private void pollLater(NaiveOrder order, String shipmentId) {
        try {
            timers.schedule(() -> poll(order, shipmentId), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("naive: run over, no longer following shipment {}", shipmentId);
        }
    }

    private void poll(NaiveOrder order, String shipmentId) {
        Outcome outcome = provider.read("/fulfillment/shipments/" + shipmentId);
        String stage = outcome instanceof Outcome.Done done ? done.body().path("stage").asText() : "";
        try {
            switch (stage) {
                case "DELIVERED" -> delivered(order);
                case "EXCEPTION" -> store.fulfillmentException(order.orderId(),
                        ((Outcome.Done) outcome).body().path("exceptionReason").asText(), clock.instant());
                default -> pollLater(order, shipmentId);
            }
        } catch (SQLException e) {
            // The shortcut logs and moves on: the order stays "shipped" for ever, and nothing flags it.
            log.warn("naive: order {} not updated after its shipment's {}: {}", order.orderId(), stage, e.toString());
        }
    }

    private void delivered(NaiveOrder order) throws SQLException {
        Outcome commit = provider.act("/stock/reservations/" + order.reservationId() + "/commit");
        if (!(commit instanceof Outcome.Done)) {
            log.debug("naive: committing the stock of order {} failed ({}); marked delivered anyway", order.orderId(),
                    commit);
        }
        store.delivered(order.orderId(), clock.instant());
        events.publish(deliveredTopic, order);
    }

    @Override
    public void close() {
        timers.shutdownNow();
        try {
            timers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
