package dev.orderflow.bench.naive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.bench.naive.LedgerAudit.Entry;
import dev.orderflow.bench.naive.LedgerAudit.FinalState;
import dev.orderflow.bench.naive.LedgerAudit.Invariants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerAuditTest {

    private static final Invariants NONE = new Invariants(List.of(), List.of(), List.of(), List.of(), List.of());

    @Test
    void aShippedOrderWithOneOfEachIsClean() {
        LedgerAudit audit = LedgerAudit.of(happyPath("o-1"), NONE, Map.of("o-1", FinalState.SHIPPED));

        assertThat(audit.clean()).isTrue();
    }

    @Test
    void aCancelledOrderRolledBackCompletelyIsClean() {
        List<Entry> ledger = List.of(new Entry("STOCK_RESERVED", "o-1", "res-1"),
                new Entry("PAYMENT_AUTHORIZED", "o-1", "auth-1"), new Entry("PAYMENT_VOIDED", "o-1", "auth-1"),
                new Entry("STOCK_RELEASED", "o-1", "res-1"));

        assertThat(LedgerAudit.of(ledger, NONE, Map.of("o-1", FinalState.CANCELLED)).clean()).isTrue();
    }

    @Test
    void aChargeLeftLiveOnACancelledOrderNeedsAnOperator() {
        // The authorization's reply was lost: the shortcut took it for "not done", released and cancelled.
        List<Entry> ledger = List.of(new Entry("STOCK_RESERVED", "o-1", "res-1"),
                new Entry("PAYMENT_AUTHORIZED", "o-1", "auth-1"), new Entry("STOCK_RELEASED", "o-1", "res-1"));

        LedgerAudit audit = LedgerAudit.of(ledger, NONE, Map.of("o-1", FinalState.CANCELLED));

        assertThat(audit.chargedNotShipped()).isEqualTo(1);
        assertThat(audit.leakedReservations()).isZero();
        assertThat(audit.ordersNeedingOperator()).isEqualTo(1);
    }

    @Test
    void aShipmentWhoseReservationWasReleasedIsAnOversell() {
        // Shipping's reply was lost three times: the shortcut voided, released and cancelled; the goods still left.
        List<Entry> ledger = List.of(new Entry("STOCK_RESERVED", "o-1", "res-1"),
                new Entry("PAYMENT_AUTHORIZED", "o-1", "auth-1"), new Entry("SHIPMENT_ACCEPTED", "o-1", "shp-1"),
                new Entry("PAYMENT_VOIDED", "o-1", "auth-1"), new Entry("STOCK_RELEASED", "o-1", "res-1"));

        LedgerAudit audit = LedgerAudit.of(ledger, NONE, Map.of("o-1", FinalState.CANCELLED));

        assertThat(audit.oversells()).isEqualTo(1);
        assertThat(audit.chargedNotShipped()).isZero();
        assertThat(audit.ordersNeedingOperator()).isEqualTo(1);
    }

    @Test
    void aSecondShipmentWithOneReservationIsAnOversell() {
        List<Entry> ledger = new java.util.ArrayList<>(happyPath("o-1"));
        ledger.add(new Entry("SHIPMENT_ACCEPTED", "o-1", "shp-2"));

        LedgerAudit audit = LedgerAudit.of(ledger, new Invariants(List.of(), List.of(), List.of("o-1"), List.of(),
                List.of()), Map.of("o-1", FinalState.SHIPPED));

        assertThat(audit.multipleShipments()).isEqualTo(1);
        assertThat(audit.oversells()).isEqualTo(1);
        assertThat(audit.ordersNeedingOperator()).isEqualTo(1);
    }

    @Test
    void aReservationLeftLiveOnAnEndedOrderIsLeaked() {
        List<Entry> ledger = List.of(new Entry("STOCK_RESERVED", "o-1", "res-1"),
                new Entry("STOCK_RESERVED", "o-1", "res-2"));

        LedgerAudit audit = LedgerAudit.of(ledger, new Invariants(List.of("o-1"), List.of(), List.of(), List.of(),
                List.of()), Map.of("o-1", FinalState.REJECTED));

        assertThat(audit.leakedReservations()).isEqualTo(1);
        assertThat(audit.multipleLiveReservations()).isEqualTo(1);
        assertThat(audit.ordersNeedingOperator()).isEqualTo(1);
    }

    @Test
    void duplicateChargesComeFromTheSandboxAuditAndEachOrderIsCountedOnceForTheOperator() {
        List<Entry> ledger = new java.util.ArrayList<>(happyPath("o-1"));
        ledger.add(new Entry("PAYMENT_AUTHORIZED", "o-1", "auth-2"));
        ledger.addAll(happyPath("o-2"));
        ledger.add(new Entry("PAYMENT_AUTHORIZED", "o-2", "auth-3"));
        ledger.addAll(happyPath("o-3"));
        Invariants invariants = new Invariants(List.of(), List.of("o-1", "o-2"), List.of(), List.of(), List.of());

        LedgerAudit audit = LedgerAudit.of(ledger, invariants, Map.of("o-1", FinalState.SHIPPED,
                "o-2", FinalState.SHIPPED, "o-3", FinalState.SHIPPED));

        assertThat(audit.duplicateCharges()).isEqualTo(2);
        assertThat(audit.ordersNeedingOperator()).isEqualTo(2);
    }

    @Test
    void sideEffectsOfAnOrderThePipelineNeverSettledAreNotCalledRollbackDamage() {
        List<Entry> ledger = List.of(new Entry("STOCK_RESERVED", "o-1", "res-1"),
                new Entry("PAYMENT_AUTHORIZED", "o-1", "auth-1"));

        LedgerAudit audit = LedgerAudit.of(ledger, NONE, Map.of());

        assertThat(audit.clean()).isTrue();
    }

    private static List<Entry> happyPath(String order) {
        return List.of(new Entry("STOCK_RESERVED", order, "res-" + order),
                new Entry("PAYMENT_AUTHORIZED", order, "auth-" + order),
                new Entry("SHIPMENT_ACCEPTED", order, "shp-" + order));
    }
}
