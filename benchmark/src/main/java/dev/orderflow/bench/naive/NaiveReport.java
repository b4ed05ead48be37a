package dev.orderflow.bench.naive;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** A naive run's figures as a Markdown table and as a JSON-ready map. */
public final class NaiveReport {

    private NaiveReport() {
    }

    public static String markdown(NaiveResult r, String command, OptionalDouble oursPerSecond) {
        LedgerAudit a = r.audit();
        StringBuilder md = new StringBuilder("# Naive baseline, faults `").append(r.settings().faults())
                .append("`\n\n`").append(command).append("`, ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, broker, PostgreSQL and sandbox co-located (floor figures).\n\n")
                .append("| figure | value |\n|---|---|\n");
        row(md, "orders placed", r.placed());
        row(md, "shipment accepted", r.shipped());
        row(md, "delivered (stock committed)", r.delivered());
        row(md, "rejected (out of stock)", r.rejected());
        row(md, "cancelled (rolled back)", r.cancelled());
        row(md, "lost (unsettled at the end, nothing flags them)", r.unsettled());
        row(md, "duplicate charges (orders charged more than once)", a.duplicateCharges());
        row(md, "charged but not shipped (cancelled with a live charge)", a.chargedNotShipped());
        row(md, "multiple shipments", a.multipleShipments());
        row(md, "shipments without a live charge", a.shipmentsWithoutCharge());
        row(md, "oversells (shipped without a live reservation)", a.oversells());
        row(md, "negative stock SKUs at the provider", a.negativeStockSkus());
        row(md, "leaked reservations (cancelled, stock still held)", a.leakedReservations());
        row(md, "multiple live reservations", a.multipleLiveReservations());
        row(md, "orders needing an operator (found only by reconciliation)", a.ordersNeedingOperator());
        row(md, "provider requests / logical operations", r.providerCalls() + " / " + r.logicalOperations());
        row(md, "shipment reads while following to delivery", r.shipmentReads());
        row(md, "retry amplification", String.format("%.2f", r.retryAmplification()));
        row(md, "latency placed → shipment accepted p50 / p95 / p99", millis(r.latency().p50()) + " / "
                + millis(r.latency().p95()) + " / " + millis(r.latency().p99()) + " ms");
        row(md, "wall time first placed → last settled", String.format("%.1f s", r.wallTime().toMillis() / 1000.0));
        row(md, "throughput (settled orders/s)", String.format("%.1f", r.throughputPerSecond()));
        row(md, "throughput to shipment accepted (orders/s, first placed → last accepted)",
                String.format("%.1f", r.shippedPerSecond()));
        row(md, "throughput to delivered (orders/s, first placed → last delivered)",
                String.format("%.1f", r.deliveredPerSecond()));
        ledger(md, r.ledger());
        oursPerSecond.ifPresent(ours -> row(md, "stage-aware throughput / baseline",
                String.format("%.1f / %.1f = %.0f %%", ours, r.shippedPerSecond(), 100 * r.ratio(ours))));
        return md.toString();
    }

    public static Map<String, Object> json(NaiveResult r, String command, OptionalDouble oursPerSecond) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("faults", r.settings().faults());
        m.put("orders", r.settings().orders());
        m.put("ratePerSecond", r.settings().perSecond());
        m.put("attempts", r.settings().attempts());
        m.put("retryKeys", r.settings().retryKeys().name());
        m.put("placed", r.placed());
        m.put("shipped", r.shipped());
        m.put("delivered", r.delivered());
        m.put("rejected", r.rejected());
        m.put("cancelled", r.cancelled());
        m.put("lost", r.unsettled());
        m.put("audit", r.audit());
        m.put("providerRequests", r.providerCalls());
        m.put("logicalOperations", r.logicalOperations());
        m.put("shipmentReads", r.shipmentReads());
        m.put("retryAmplification", r.retryAmplification());
        m.put("latencyMs", Map.of("samples", r.latency().samples(), "p50", millis(r.latency().p50()),
                "p95", millis(r.latency().p95()), "p99", millis(r.latency().p99()), "max", millis(r.latency().max())));
        m.put("wallTimeMs", r.wallTime().toMillis());
        m.put("throughputPerSecond", r.throughputPerSecond());
        m.put("shippedPerSecond", r.shippedPerSecond());
        m.put("deliveredPerSecond", r.deliveredPerSecond());
        m.put("ledger", ledgerJson(r.ledger()));
        oursPerSecond.ifPresent(ours -> m.put("stageAwareToBaselineRatio", r.ratio(ours)));
        return m;
    }

    /** The rows any sandbox's ledger gives; the same for the naive and the stage-aware run. */
    static void ledger(StringBuilder md, LedgerFigures f) {
        row(md, "ledger: orders with a side effect / shipped", f.orders() + " / " + f.shipped());
        row(md, "ledger: first side effect → shipment accepted p50 / p95 / p99",
                millis(f.reserveToShipment().p50()) + " / " + millis(f.reserveToShipment().p95()) + " / "
                        + millis(f.reserveToShipment().p99()) + " ms");
        row(md, "ledger: shipments accepted/s (first entry → last shipment)",
                String.format("%.1f", f.shipmentsPerSecond()));
        row(md, "ledger: live charge, no shipment", f.chargedWithoutShipment());
        row(md, "ledger: live reservation, no shipment", f.reservedWithoutShipment());
        row(md, "ledger: oversells (more shipments than live reservations)", f.oversells());
    }

    static Map<String, Object> ledgerJson(LedgerFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orders", f.orders());
        m.put("shipped", f.shipped());
        m.put("reserveToShipmentMs", Map.of("samples", f.reserveToShipment().samples(),
                "p50", millis(f.reserveToShipment().p50()), "p95", millis(f.reserveToShipment().p95()),
                "p99", millis(f.reserveToShipment().p99()), "max", millis(f.reserveToShipment().max())));
        m.put("spanMs", f.span().toMillis());
        m.put("shipmentsPerSecond", f.shipmentsPerSecond());
        m.put("chargedWithoutShipment", f.chargedWithoutShipment());
        m.put("reservedWithoutShipment", f.reservedWithoutShipment());
        m.put("oversells", f.oversells());
        return m;
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }

    private static void row(StringBuilder md, String name, Object value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
