package dev.orderflow.bench.naive;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures any provider sandbox's ledger gives, whichever pipeline drove it, so the naive baseline and the stage-aware
 * system can be compared on the same yardstick: from each order's first side effect (its stock reservation) to its
 * shipment's acceptance, shipments accepted per second, and what is left live on orders that did not ship.
 *
 * @param orders                 orders with at least one side effect
 * @param shipped                orders with an accepted shipment
 * @param reserveToShipment      first side effect → first shipment accepted, per shipped order
 * @param span                   the ledger's first entry → the last shipment accepted
 * @param chargedWithoutShipment orders with a live charge and no shipment (silent in the naive pipeline; pending or
 *                               escalated, and so visible, in the stage-aware one)
 * @param reservedWithoutShipment orders with a live reservation and no shipment
 * @param oversells              orders with more shipments than live reservations
 */
public record LedgerFigures(int orders, int shipped, LatencySummary reserveToShipment, Duration span,
        int chargedWithoutShipment, int reservedWithoutShipment, int oversells) {

    /** One ledger entry with its time. */
    public record Timed(String effect, String orderId, String reference, Instant at) {
    }

    public static LedgerFigures of(List<Timed> ledger) {
        Map<String, Instant> first = new HashMap<>();
        Map<String, Instant> shippedAt = new HashMap<>();
        Map<String, Integer> shipments = new HashMap<>();
        Map<String, Set<String>> reservations = new HashMap<>();
        Map<String, Set<String>> charges = new HashMap<>();
        Instant start = null;
        Instant lastShipment = null;
        for (Timed e : ledger) {
            start = start == null || e.at().isBefore(start) ? e.at() : start;
            first.merge(e.orderId(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
            Set<String> live = reservations.computeIfAbsent(e.orderId(), k -> new HashSet<>());
            Set<String> charged = charges.computeIfAbsent(e.orderId(), k -> new HashSet<>());
            switch (e.effect()) {
                case "STOCK_RESERVED" -> live.add(e.reference());
                case "STOCK_RELEASED", "STOCK_RESERVATION_EXPIRED" -> live.remove(e.reference());
                case "PAYMENT_AUTHORIZED" -> charged.add(e.reference());
                case "PAYMENT_VOIDED", "PAYMENT_REFUNDED" -> charged.remove(e.reference());
                case "SHIPMENT_ACCEPTED" -> {
                    shipments.merge(e.orderId(), 1, Integer::sum);
                    shippedAt.merge(e.orderId(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
                    lastShipment = lastShipment == null || e.at().isAfter(lastShipment) ? e.at() : lastShipment;
                }
                default -> {
                    // STOCK_COMMITTED keeps the reservation live.
                }
            }
        }
        List<Duration> latencies = new ArrayList<>();
        shippedAt.forEach((order, at) -> latencies.add(Duration.between(first.get(order), at)));
        int chargedOnly = 0;
        int reservedOnly = 0;
        int oversells = 0;
        for (String order : first.keySet()) {
            int shipped = shipments.getOrDefault(order, 0);
            chargedOnly += shipped == 0 && !charges.get(order).isEmpty() ? 1 : 0;
            reservedOnly += shipped == 0 && !reservations.get(order).isEmpty() ? 1 : 0;
            oversells += shipped > reservations.get(order).size() ? 1 : 0;
        }
        Duration span = start == null || lastShipment == null ? Duration.ZERO : Duration.between(start, lastShipment);
        return new LedgerFigures(first.size(), shippedAt.size(), LatencySummary.of(latencies), span, chargedOnly,
                reservedOnly, oversells);
    }

    /** Orders whose shipment was accepted, per second of the ledger's span. */
    public double shipmentsPerSecond() {
        return NaiveResult.perSecond(shipped, span);
    }
}
