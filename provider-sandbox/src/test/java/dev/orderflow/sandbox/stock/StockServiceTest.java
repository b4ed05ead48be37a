package dev.orderflow.sandbox.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.sandbox.AdjustableClock;
import dev.orderflow.sandbox.fault.BusinessFault;
import dev.orderflow.sandbox.ledger.Effect;
import dev.orderflow.sandbox.ledger.Ledger;
import dev.orderflow.sandbox.ledger.LedgerEntry;
import dev.orderflow.sandbox.outcome.Outcome;
import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StockServiceTest {

    private final AdjustableClock clock = new AdjustableClock(
            Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final Ledger ledger = new Ledger();
    private final StockService stock = new StockService(clock, ledger, Duration.ofMinutes(15),
            Map.of("A", 5, "B", 2));

    private Outcome<Reservation> reserve(String key, String sku, int quantity) {
        return stock.reserve(key, new ReserveRequest("order-" + key, sku, quantity, null), BusinessFault.NONE)
                .result();
    }

    private static Reservation done(Outcome<Reservation> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<Reservation>) outcome).value();
    }

    private static Rejection refused(Outcome<Reservation> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<Reservation>) outcome).rejection();
    }

    @Test
    void reservingMoreThanAvailableIsRefusedAsOutOfStockAndChangesNothing() {
        Rejection rejection = refused(reserve("k1", "B", 3));

        assertThat(rejection.reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(rejection.subjects()).containsExactly("B");
        assertThat(stock.level("B").available()).isEqualTo(2);
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void aMultiLineReservationIsAllOrNothing() {
        ReserveRequest request = new ReserveRequest("o1", null, null,
                List.of(new StockLine("A", 5), new StockLine("B", 3)));

        Rejection rejection = refused(stock.reserve("k", request, BusinessFault.NONE).result());

        assertThat(rejection.subjects()).containsExactly("B");
        assertThat(stock.level("A").available()).isEqualTo(5);
    }

    @Test
    void unknownSkusAndBadQuantitiesAreBusinessRefusals() {
        assertThat(refused(reserve("k1", "Z", 1)).reason()).isEqualTo("UNKNOWN_SKU");
        assertThat(refused(reserve("k2", "A", 0)).reason()).isEqualTo("INVALID_QUANTITY");
    }

    @Test
    void aRepeatedKeyDoesNotReserveTwice() {
        Reservation first = done(reserve("k", "A", 2));
        Reservation again = done(reserve("k", "A", 2));

        assertThat(again).isEqualTo(first);
        assertThat(stock.level("A").available()).isEqualTo(3);
        assertThat(ledger.entries()).extracting(LedgerEntry::effect).containsExactly(Effect.STOCK_RESERVED);
    }

    @Test
    void releaseGivesUnitsBackOnceAndCommitTakesThemForGood() {
        Reservation released = done(reserve("k1", "A", 2));
        Reservation committed = done(reserve("k2", "A", 3));

        stock.release(released.reservationId());
        stock.release(released.reservationId());
        stock.commit(committed.reservationId());
        stock.commit(committed.reservationId());

        StockLevel level = stock.level("A");
        assertThat(level.available()).isEqualTo(2);
        assertThat(level.reserved()).isZero();
        assertThat(level.committed()).isEqualTo(3);
        assertThat(ledger.entries()).extracting(LedgerEntry::effect).containsExactly(Effect.STOCK_RESERVED,
                Effect.STOCK_RESERVED, Effect.STOCK_RELEASED, Effect.STOCK_COMMITTED);
    }

    @Test
    void aReleasedReservationCannotBeCommittedNorACommittedOneReleased() {
        Reservation released = done(reserve("k1", "A", 1));
        Reservation committed = done(reserve("k2", "A", 1));
        stock.release(released.reservationId());
        stock.commit(committed.reservationId());

        assertThatThrownBy(() -> stock.commit(released.reservationId())).isInstanceOfSatisfying(
                ProviderException.class, e -> assertThat(e.reason()).isEqualTo("RESERVATION_NOT_LIVE"));
        assertThatThrownBy(() -> stock.release(committed.reservationId())).isInstanceOfSatisfying(
                ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_STATE));
    }

    @Test
    void anUncommittedReservationExpiresAfterItsTtlAndGivesItsUnitsBack() {
        Reservation reservation = done(reserve("k", "B", 2));
        clock.advance(Duration.ofMinutes(15));

        assertThat(stock.reservation(reservation.reservationId()).status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(stock.level("B").available()).isEqualTo(2);
        assertThat(ledger.entries()).extracting(LedgerEntry::effect)
                .containsExactly(Effect.STOCK_RESERVED, Effect.STOCK_RESERVATION_EXPIRED);
        assertThatThrownBy(() -> stock.commit(reservation.reservationId())).isInstanceOf(ProviderException.class);
    }

    @Test
    void anInjectedRefusalIsMarkedAndRememberedUnderItsKey() {
        ReserveRequest request = new ReserveRequest("o", "A", 1, null);
        Rejection rejection = refused(stock.reserve("k", request, new BusinessFault(true, 0, false, 0)).result());

        assertThat(rejection.injected()).isTrue();
        assertThat(stock.reserve("k", request, BusinessFault.NONE).replayed()).isTrue();
        assertThat(stock.statusByKey("k").outcome()).isEqualTo("REJECTED");
    }

    @Test
    void statusByKeyReportsTheReservationsCurrentState() {
        Reservation reservation = done(reserve("k", "A", 1));
        stock.commit(reservation.reservationId());

        assertThat(stock.statusByKey("k").resource().status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThatThrownBy(() -> stock.statusByKey("unknown")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.reason()).isEqualTo("UNKNOWN_IDEMPOTENCY_KEY"));
    }

    @Test
    void stockNeverGoesNegativeUnderARandomMixOfCalls() {
        Random random = new Random(11);
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int action = random.nextInt(10);
            if (action < 6) {
                String sku = random.nextBoolean() ? "A" : "B";
                Outcome<Reservation> outcome = reserve("k" + i, sku, 1 + random.nextInt(3));
                if (outcome instanceof Outcome.Done<Reservation> done) {
                    live.add(done.value().reservationId());
                }
            } else if (!live.isEmpty()) {
                String id = live.remove(random.nextInt(live.size()));
                if (action < 8) {
                    stock.release(id);
                } else {
                    stock.commit(id);
                    stock.setAvailable("A", (int) stock.level("A").available() + random.nextInt(2));
                }
            }
            if (i % 500 == 0) {
                clock.advance(Duration.ofMinutes(16));
                live.clear();
            }
            stock.levels().forEach(level -> assertThat(level.available()).isNotNegative());
        }
        assertThat(stock.negativeStock()).isEmpty();
        assertThat(stock.levels()).allSatisfy(level -> assertThat(level.lowestAvailable()).isNotNegative());
    }

    @Test
    void restockingToANegativeCountIsRefused() {
        assertThatThrownBy(() -> stock.setAvailable("A", -1)).isInstanceOf(ProviderException.class)
                .hasMessage("Invalid value -1 for stock of A: must not be negative");
    }
}
