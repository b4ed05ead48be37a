package dev.orderflow.bench.naive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orderflow.bench.naive.LedgerFigures.Timed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerFiguresTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void latencyRunsFromAnOrdersFirstSideEffectToItsFirstShipment() {
        LedgerFigures figures = LedgerFigures.of(List.of(at(0, "STOCK_RESERVED", "o-1", "res-1"),
                at(100, "STOCK_RESERVED", "o-2", "res-2"), at(200, "PAYMENT_AUTHORIZED", "o-1", "auth-1"),
                at(400, "SHIPMENT_ACCEPTED", "o-1", "shp-1"), at(900, "PAYMENT_AUTHORIZED", "o-2", "auth-2"),
                at(1100, "SHIPMENT_ACCEPTED", "o-2", "shp-2")));

        assertThat(figures.shipped()).isEqualTo(2);
        assertThat(figures.reserveToShipment().p50()).isEqualTo(Duration.ofMillis(400));
        assertThat(figures.reserveToShipment().max()).isEqualTo(Duration.ofMillis(1000));
        assertThat(figures.span()).isEqualTo(Duration.ofMillis(1100));
        assertThat(figures.shipmentsPerSecond()).isCloseTo(2 / 1.1, within(1e-9));
    }

    @Test
    void whatIsLeftLiveOnOrdersThatDidNotShipIsCounted() {
        LedgerFigures figures = LedgerFigures.of(List.of(at(0, "STOCK_RESERVED", "o-1", "res-1"),
                at(10, "PAYMENT_AUTHORIZED", "o-1", "auth-1"), at(20, "STOCK_RELEASED", "o-1", "res-1"),
                at(30, "STOCK_RESERVED", "o-2", "res-2"),
                at(40, "STOCK_RESERVED", "o-3", "res-3"), at(50, "STOCK_RELEASED", "o-3", "res-3")));

        assertThat(figures.chargedWithoutShipment()).isEqualTo(1);
        assertThat(figures.reservedWithoutShipment()).isEqualTo(1);
        assertThat(figures.shipped()).isZero();
        assertThat(figures.shipmentsPerSecond()).isZero();
    }

    @Test
    void aShipmentAfterItsReservationWasReleasedIsAnOversell() {
        LedgerFigures figures = LedgerFigures.of(List.of(at(0, "STOCK_RESERVED", "o-1", "res-1"),
                at(10, "SHIPMENT_ACCEPTED", "o-1", "shp-1"), at(20, "STOCK_RELEASED", "o-1", "res-1"),
                at(30, "STOCK_RESERVED", "o-2", "res-2"), at(40, "STOCK_COMMITTED", "o-2", "res-2"),
                at(50, "SHIPMENT_ACCEPTED", "o-2", "shp-2")));

        assertThat(figures.oversells()).isEqualTo(1);
    }

    private static Timed at(long millis, String effect, String order, String reference) {
        return new Timed(effect, order, reference, T0.plusMillis(millis));
    }
}
