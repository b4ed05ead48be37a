package dev.orderflow.sandbox.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvariantAuditorTest {

    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");
    private final Ledger ledger = new Ledger();

    @Test
    void theHappyPathHolds() {
        ledger.recordStock(T, Effect.STOCK_RESERVED, "o1", "res-1", "k", Map.of("A", 1));
        ledger.recordPayment(T, Effect.PAYMENT_AUTHORIZED, "o1", "auth-1", "k", 100, "EUR");
        ledger.recordShipment(T, "o1", "shp-1", "k");
        ledger.recordStock(T, Effect.STOCK_COMMITTED, "o1", "res-1", null, Map.of("A", 1));

        InvariantReport report = InvariantAuditor.audit(ledger.entries(), List.of());

        assertThat(report.holds()).isTrue();
        assertThat(report.orders()).isEqualTo(1);
        assertThat(report.ledgerEntries()).isEqualTo(4);
    }

    @Test
    void aShipmentWithoutALiveAuthorizationIsReported() {
        ledger.recordShipment(T, "o1", "shp-1", "k");
        ledger.recordPayment(T, Effect.PAYMENT_AUTHORIZED, "o2", "auth-2", "k", 100, "EUR");
        ledger.recordPayment(T, Effect.PAYMENT_VOIDED, "o2", "auth-2", null, 100, "EUR");
        ledger.recordShipment(T, "o2", "shp-2", "k");

        InvariantReport report = InvariantAuditor.audit(ledger.entries(), List.of());

        assertThat(report.shipmentsWithoutCharge()).extracting(InvariantReport.ShipmentWithoutCharge::shipmentId)
                .containsExactly("shp-1", "shp-2");
        assertThat(report.holds()).isFalse();
    }

    @Test
    void aSupersededReservationThatWasReleasedIsNotADuplicate() {
        ledger.recordStock(T, Effect.STOCK_RESERVED, "o1", "res-1", "k1", Map.of("A", 1));
        ledger.recordStock(T, Effect.STOCK_RESERVED, "o1", "res-2", "k2", Map.of("A", 1));
        assertThat(InvariantAuditor.audit(ledger.entries(), List.of()).multipleLiveReservations()).hasSize(1);

        ledger.recordStock(T, Effect.STOCK_RELEASED, "o1", "res-1", null, Map.of("A", 1));
        assertThat(InvariantAuditor.audit(ledger.entries(), List.of()).holds()).isTrue();
    }

    @Test
    void twoShipmentsAndNegativeStockAreReported() {
        ledger.recordPayment(T, Effect.PAYMENT_AUTHORIZED, "o1", "auth-1", "k", 100, "EUR");
        ledger.recordShipment(T, "o1", "shp-1", "k1");
        ledger.recordShipment(T, "o1", "shp-2", "k2");

        InvariantReport report = InvariantAuditor.audit(ledger.entries(),
                List.of(new InvariantReport.NegativeStock("A", 0, -1)));

        assertThat(report.multipleShipments()).singleElement().extracting(InvariantReport.OrderCount::count)
                .isEqualTo(2);
        assertThat(report.negativeStock()).hasSize(1);
        assertThat(report.holds()).isFalse();
    }
}
