package dev.orderflow.bench.naive;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the provider's books say about a run, next to what the pipeline believes: DESIGN.md §4 as the sandbox audits
 * it ({@code GET /ledger/invariants}) plus the damage only a comparison of the ledger ({@code GET /ledger}) with the
 * pipeline's own final states shows.
 *
 * @param duplicateCharges        orders charged more than once (the sandbox's {@code multipleCharges})
 * @param multipleShipments       orders shipped more than once
 * @param multipleLiveReservations orders holding more than one live reservation
 * @param shipmentsWithoutCharge  shipments accepted while the order had no live charge
 * @param negativeStockSkus       SKUs whose available stock went below zero at the provider
 * @param oversells               orders with more shipments than live reservations: goods leave while the stock
 *                                provider counts them as available again (sold twice)
 * @param chargedNotShipped       orders the pipeline cancelled or rejected whose charge is still live
 * @param leakedReservations      orders the pipeline cancelled or rejected whose reservation is still live
 * @param ordersNeedingOperator   distinct orders with any of the above (someone has to reconcile them by hand)
 */
public record LedgerAudit(int duplicateCharges, int multipleShipments, int multipleLiveReservations,
        int shipmentsWithoutCharge, int negativeStockSkus, int oversells, int chargedNotShipped, int leakedReservations,
        int ordersNeedingOperator) {

    /** One ledger entry, as far as the audit needs it. */
    public record Entry(String effect, String orderId, String reference) {
    }

    /** The order lists of {@code GET /ledger/invariants}, as order ids (SKUs for negative stock). */
    public record Invariants(List<String> multipleLiveReservations, List<String> multipleCharges,
            List<String> multipleShipments, List<String> shipmentsWithoutCharge, List<String> negativeStock) {
    }

    /** The pipeline's final word on an order. */
    public enum FinalState {
        SHIPPED, CANCELLED, REJECTED, UNSETTLED
    }

    /**
     * @param ledger      every side effect, in ledger order
     * @param invariants  the sandbox's own audit
     * @param finalStates the pipeline's final state per order id (orders it does not know are treated as unsettled)
     */
    public static LedgerAudit of(List<Entry> ledger, Invariants invariants, Map<String, FinalState> finalStates) {
        Map<String, OrderBooks> books = new HashMap<>();
        for (Entry e : ledger) {
            books.computeIfAbsent(e.orderId(), k -> new OrderBooks()).apply(e);
        }
        Set<String> needOperator = new HashSet<>();
        needOperator.addAll(invariants.multipleLiveReservations());
        needOperator.addAll(invariants.multipleCharges());
        needOperator.addAll(invariants.multipleShipments());
        needOperator.addAll(invariants.shipmentsWithoutCharge());
        int oversells = 0;
        int chargedNotShipped = 0;
        int leaked = 0;
        for (Map.Entry<String, OrderBooks> order : books.entrySet()) {
            OrderBooks b = order.getValue();
            FinalState state = finalStates.getOrDefault(order.getKey(), FinalState.UNSETTLED);
            boolean ended = state == FinalState.CANCELLED || state == FinalState.REJECTED;
            if (b.shipments > b.liveReservations.size()) {
                oversells++;
                needOperator.add(order.getKey());
            }
            if (ended && !b.liveCharges.isEmpty()) {
                chargedNotShipped++;
                needOperator.add(order.getKey());
            }
            if (ended && !b.liveReservations.isEmpty()) {
                leaked++;
                needOperator.add(order.getKey());
            }
            if (ended && b.shipments > 0) {
                needOperator.add(order.getKey());
            }
        }
        return new LedgerAudit(invariants.multipleCharges().size(), invariants.multipleShipments().size(),
                invariants.multipleLiveReservations().size(), invariants.shipmentsWithoutCharge().size(),
                invariants.negativeStock().size(), oversells, chargedNotShipped, leaked, needOperator.size());
    }

    /** True when the providers' books show no damage at all. */
    public boolean clean() {
        return duplicateCharges + multipleShipments + multipleLiveReservations + shipmentsWithoutCharge
                + negativeStockSkus + oversells + chargedNotShipped + leakedReservations + ordersNeedingOperator == 0;
    }

    /** One order's live side effects, folded from its ledger entries. */
    private static final class OrderBooks {
        final Set<String> liveReservations = new HashSet<>();
        final Set<String> liveCharges = new HashSet<>();
        int shipments;

        void apply(Entry e) {
            switch (e.effect()) {
                case "STOCK_RESERVED" -> liveReservations.add(e.reference());
                case "STOCK_RELEASED", "STOCK_RESERVATION_EXPIRED" -> liveReservations.remove(e.reference());
                case "PAYMENT_AUTHORIZED" -> liveCharges.add(e.reference());
                case "PAYMENT_VOIDED", "PAYMENT_REFUNDED" -> liveCharges.remove(e.reference());
                case "SHIPMENT_ACCEPTED" -> shipments++;
                default -> {
                    // STOCK_COMMITTED keeps the reservation live (the units left for good); nothing to fold.
                }
            }
        }
    }
}
