package dev.orderflow.sandbox.ledger;

import dev.orderflow.sandbox.ledger.InvariantReport.NegativeStock;
import dev.orderflow.sandbox.ledger.InvariantReport.OrderCount;
import dev.orderflow.sandbox.ledger.InvariantReport.ShipmentWithoutCharge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Replays the ledger in order and reports what breaks DESIGN.md §4. A pure function of its inputs. */
public final class InvariantAuditor {

    private InvariantAuditor() {
    }

    /**
     * @param entries    the whole ledger, oldest first
     * @param stockLevels the stock provider's negative-stock findings (empty when stock never went negative)
     */
    public static InvariantReport audit(List<LedgerEntry> entries, List<NegativeStock> stockLevels) {
        Map<String, List<String>> liveReservations = new LinkedHashMap<>();
        Map<String, List<String>> charges = new LinkedHashMap<>();
        Map<String, Set<String>> liveAuthorizations = new LinkedHashMap<>();
        Map<String, List<String>> shipments = new LinkedHashMap<>();
        List<ShipmentWithoutCharge> withoutCharge = new ArrayList<>();
        Set<String> orders = new HashSet<>();

        for (LedgerEntry entry : entries) {
            String order = entry.orderId();
            orders.add(order);
            switch (entry.effect()) {
                case STOCK_RESERVED -> listOf(liveReservations, order).add(entry.reference());
                case STOCK_RELEASED, STOCK_RESERVATION_EXPIRED -> listOf(liveReservations, order)
                        .remove(entry.reference());
                case STOCK_COMMITTED -> { /* a committed reservation stays held */ }
                case PAYMENT_AUTHORIZED -> {
                    listOf(charges, order).add(entry.reference());
                    liveAuthorizations.computeIfAbsent(order, o -> new HashSet<>()).add(entry.reference());
                }
                case PAYMENT_VOIDED, PAYMENT_REFUNDED -> liveAuthorizations
                        .computeIfAbsent(order, o -> new HashSet<>()).remove(entry.reference());
                case SHIPMENT_ACCEPTED -> {
                    listOf(shipments, order).add(entry.reference());
                    if (liveAuthorizations.getOrDefault(order, Set.of()).isEmpty()) {
                        withoutCharge.add(new ShipmentWithoutCharge(order, entry.reference(), entry.sequence()));
                    }
                }
            }
        }
        List<OrderCount> multipleReservations = moreThanOne(liveReservations);
        List<OrderCount> multipleCharges = moreThanOne(charges);
        List<OrderCount> multipleShipments = moreThanOne(shipments);
        boolean holds = multipleReservations.isEmpty() && multipleCharges.isEmpty() && multipleShipments.isEmpty()
                && withoutCharge.isEmpty() && stockLevels.isEmpty();
        return new InvariantReport(holds, entries.size(), orders.size(), multipleReservations, multipleCharges,
                multipleShipments, withoutCharge, stockLevels);
    }

    private static List<String> listOf(Map<String, List<String>> byOrder, String orderId) {
        return byOrder.computeIfAbsent(orderId, o -> new ArrayList<>());
    }

    private static List<OrderCount> moreThanOne(Map<String, List<String>> byOrder) {
        return byOrder.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> new OrderCount(e.getKey(), e.getValue().size(), e.getValue())).toList();
    }
}
