package dev.orderflow.sandbox.ledger;

import java.util.List;

/**
 * DESIGN.md §4 as the providers see it. {@code holds} is true when every list is empty.
 *
 * @param holds                      no violation found
 * @param ledgerEntries              entries audited
 * @param orders                     distinct orders in the ledger
 * @param multipleLiveReservations   orders holding more than one reservation (reserved or committed) now (§4.2)
 * @param multipleCharges            orders with more than one successful authorization ever, even if a later
 *                                   void or refund undid one: the customer saw both (§4.2)
 * @param multipleShipments          orders with more than one accepted shipment (§4.2)
 * @param shipmentsWithoutCharge     shipments accepted while their order had no live authorization (§4.3)
 * @param negativeStock              SKUs whose available stock was ever below zero (§4.4)
 */
public record InvariantReport(boolean holds, int ledgerEntries, int orders,
                              List<OrderCount> multipleLiveReservations, List<OrderCount> multipleCharges,
                              List<OrderCount> multipleShipments, List<ShipmentWithoutCharge> shipmentsWithoutCharge,
                              List<NegativeStock> negativeStock) {

    public InvariantReport {
        multipleLiveReservations = List.copyOf(multipleLiveReservations);
        multipleCharges = List.copyOf(multipleCharges);
        multipleShipments = List.copyOf(multipleShipments);
        shipmentsWithoutCharge = List.copyOf(shipmentsWithoutCharge);
        negativeStock = List.copyOf(negativeStock);
    }

    /** An order and the references that break the at-most-one rule. */
    public record OrderCount(String orderId, int count, List<String> references) {
        public OrderCount {
            references = List.copyOf(references);
        }
    }

    public record ShipmentWithoutCharge(String orderId, String shipmentId, long ledgerSequence) {
    }

    /**
     * @param sku            the SKU
     * @param available      available units now
     * @param lowestObserved the lowest available count ever observed
     */
    public record NegativeStock(String sku, long available, long lowestObserved) {
    }
}
