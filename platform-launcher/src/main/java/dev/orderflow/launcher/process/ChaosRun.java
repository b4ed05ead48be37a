package dev.orderflow.launcher.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.launcher.process.OrderAudit.Settlement;
import dev.orderflow.launcher.process.PoisonProducer.Position;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Issue 9's chaos run on a {@link ProcessPlatform}: orders through {@code POST /orders} at a rate, poison records
 * from a careless upstream producer, provider faults from a {@link FaultMix}, and the {@link ChaosSchedule}'s
 * crashes at random moments; then a drain, and every pass figure printed: lost orders, orders not settled within
 * the drain, duplicate side effects, shipments without a charge, negative stock, and dead letters not accounted for.
 */
public final class ChaosRun {

    /** How the run is driven. */
    public record Options(int orders, int perSecond, double poisonShare, FaultMix faults, Duration drainTimeout,
            long seed) {
    }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** Requests in flight at most; more would only queue in the intake's own in-flight limit. */
    private static final int CLIENTS = 16;

    private final Options options;
    private final PrintWriter out;

    public ChaosRun(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the load, the crashes and the drain, prints the figures; true when every figure passes. */
    public boolean run(ProcessPlatform platform) throws Exception {
        options.faults().install(platform.sandbox());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        OrderIntakeClient intake = new OrderIntakeClient(platform.orderApis(), Duration.ofMinutes(5), options.seed());
        Duration loadTime = Duration.ofMillis(options.orders() * 1000L / options.perSecond());
        ChaosSchedule schedule = ChaosSchedule.random(platform, loadTime, options.seed());
        printPlan(schedule);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> new Thread(r, "chaos-run"));
        try (PoisonProducer poison = new PoisonProducer(platform.bootstrapServers(), options.seed())) {
            long started = System.nanoTime();
            Future<?> load = executor.submit(() -> place(intake, poison, accepted, started));
            Future<List<ChaosSchedule.Outcome>> chaos = executor.submit(() -> schedule.run(started, out));
            while (!load.isDone() || !chaos.isDone()) {
                TimeUnit.MILLISECONDS.sleep(PROGRESS_EVERY.toMillis());    // a display refresh, not coordination
                progress(started, "placed " + accepted.size() + ", poison " + poison.sent().size()
                        + ", client retries " + intake.retries());
            }
            load.get();
            List<ChaosSchedule.Outcome> crashes = chaos.get();
            OrderAudit audit = new OrderAudit(platform.orderApis(), platform.sandbox());
            Settlement settlement = drain(audit, accepted, started);
            return report(platform, audit, settlement, accepted.size(), intake.retries(), poison.sent(), crashes,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            executor.shutdownNow();
        }
    }

    private void printPlan(ChaosSchedule schedule) {
        out.printf("%nChaos run: %d orders at %d/s through POST /orders; provider faults on every call: %.1f %% "
                        + "transient, %.1f %% ambiguous (done, reply lost), %.1f %% business rejections of creates; "
                        + "%.1f %% poison records from an upstream producer%n", options.orders(), options.perSecond(),
                options.faults().transientRate() * 100, options.faults().ambiguousRate() * 100,
                options.faults().rejectionRate() * 100, options.poisonShare() * 100);
        out.println("Crashes planned (seconds after the load began):");
        schedule.events().forEach(e -> out.printf("  %5ds  %s%n", e.at().toSeconds(), e.what()));
        out.flush();
    }

    /**
     * Places the orders at the rate, several requests in flight (a request takes longer than the gap between two
     * orders on a busy machine); after every {@code 1 / poisonShare}-th order, one poison record.
     */
    private Void place(OrderIntakeClient intake, PoisonProducer poison, List<String> accepted, long started)
            throws Exception {
        long poisonEvery = options.poisonShare() <= 0 ? Long.MAX_VALUE : Math.round(1 / options.poisonShare());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, r -> new Thread(r, "chaos-client"));
        try {
            List<Future<?>> placed = new ArrayList<>();
            for (int i = 0; i < options.orders(); i++) {
                long wait = started + (long) (i * 1e9 / options.perSecond()) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);    // pacing a load, not coordinating threads
                }
                placed.add(clients.submit(() -> accepted.add(intake.placeOne())));
                if ((i + 1) % poisonEvery == 0) {
                    poison.send();
                }
            }
            for (Future<?> order : placed) {
                order.get();
            }
            return null;
        } finally {
            clients.shutdownNow();
        }
    }

    private Settlement drain(OrderAudit audit, List<String> accepted, long started) throws InterruptedException {
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        out.printf("Load done; draining for at most %d s ...%n", options.drainTimeout().toSeconds());
        while (true) {
            Settlement settlement = audit.settlement(accepted);
            progress(started, "settled " + (accepted.size() - settlement.unsettled().size()) + "/" + accepted.size()
                    + " " + settlement.byState());
            if (settlement.unsettled().isEmpty() || System.nanoTime() > deadline) {
                return settlement;
            }
            TimeUnit.MILLISECONDS.sleep(PROGRESS_EVERY.toMillis());    // between audit passes
        }
    }

    private void progress(long started, String line) {
        synchronized (out) {
            out.printf("%5ds  %s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds(), line);
            out.flush();
        }
    }

    private boolean report(ProcessPlatform platform, OrderAudit audit, Settlement settlement, int accepted,
            long retries, Set<Position> poison, List<ChaosSchedule.Outcome> crashes, Duration took) throws Exception {
        JsonNode invariants = audit.ledgerInvariants();
        Map<String, DeadLetterCensus.Topic> dlq = new DeadLetterCensus(platform.bootstrapServers())
                .count(platform.consumers(), poison);
        long lost = settlement.count(OrderAudit.UNKNOWN);
        long unsettled = settlement.unsettled().size();
        long duplicates = size(invariants, "multipleLiveReservations") + size(invariants, "multipleCharges")
                + size(invariants, "multipleShipments");
        long unaccounted = dlq.values().stream().mapToLong(t -> t.unaccounted().size()).sum();
        long poisonMissed = dlq.values().stream().mapToLong(t -> poison.size() - t.poisonSeen().size()).sum();
        boolean recovered = crashes.stream().allMatch(ChaosSchedule.Outcome::recovered);

        out.printf("%nChaos run figures after %d s%n", took.toSeconds());
        out.printf("  orders accepted by POST /orders       %d (client retries %d)%n", accepted, retries);
        out.printf("  orders by state                       %s%n", settlement.byState());
        out.printf("  orders that needed an operator        %d (blocked + escalated)%n", settlement.operatorNeeded());
        figure("lost orders (unknown to order-stream)", lost, lost == 0);
        figure("orders not settled within the drain", unsettled, unsettled == 0);
        if (unsettled > 0) {
            out.printf("      e.g. %s%n", settlement.unsettled().entrySet().stream().limit(10).toList());
        }
        figure("duplicate side effects (ledger)", duplicates, duplicates == 0);
        out.printf("      reservations %d, charges %d, shipments %d%n", size(invariants, "multipleLiveReservations"),
                size(invariants, "multipleCharges"), size(invariants, "multipleShipments"));
        figure("shipments without a confirmed charge", size(invariants, "shipmentsWithoutCharge"),
                size(invariants, "shipmentsWithoutCharge") == 0);
        figure("SKUs whose stock went negative", size(invariants, "negativeStock"),
                size(invariants, "negativeStock") == 0);
        out.printf("  ledger side effects                   %d for %d orders%n",
                invariants.path("ledgerEntries").asLong(), invariants.path("orders").asLong());
        out.printf("  poison records injected               %d%n", poison.size());
        for (DeadLetterCensus.Topic topic : dlq.values()) {
            out.printf("  %-37s %d records: %d from poison (%d of %d distinct), %d unaccounted%n", topic.topic(),
                    topic.records(), topic.fromPoison(), topic.poisonSeen().size(), poison.size(),
                    topic.unaccounted().size());
            topic.unaccounted().stream().limit(5).forEach(u -> out.printf("      unaccounted: %s%n", u));
        }
        figure("dead letters not accounted for", unaccounted, unaccounted == 0);
        figure("poison records missing from a DLQ", poisonMissed, poisonMissed == 0);
        figure("crashed parts that did not come back", crashes.stream().filter(c -> !c.recovered()).count(),
                recovered);
        boolean pass = lost == 0 && unsettled == 0 && duplicates == 0 && invariants.path("holds").asBoolean()
                && unaccounted == 0 && poisonMissed == 0 && recovered;
        out.printf("%nRESULT: %s%n", pass ? "PASS" : "FAIL");
        out.flush();
        return pass;
    }

    private void figure(String label, long value, boolean pass) {
        out.printf("  %-37s %d  %s%n", label, value, pass ? "PASS" : "FAIL");
    }

    private static long size(JsonNode invariants, String field) {
        return invariants.path(field).size();
    }
}
