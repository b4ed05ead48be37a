package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyDriftTest {

    private static final long T0 = 1_700_000_000_000L;

    /** {@code count} orders placed 25 ms apart (40/s), the i-th accepted after {@code latency(i)} ms. */
    private static List<RunData.Order> run(int count, IntToLongFunction latency) {
        List<RunData.Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long placed = T0 + 25L * i;
            long accepted = placed + latency.applyAsLong(i);
            orders.add(new RunData.Order(placed, accepted, accepted, 0, OrderStage.SHIPMENT_ACCEPTED));
        }
        return orders;
    }

    @Test
    void aSteadyRunKeptUpEvenWithSlowSecondsInIt() {
        // 350 ms, with every 50th order caught by a 1.2 s pause: the p99 is high, the medians are not.
        LatencyDrift drift = LatencyDrift.of(run(2_000, i -> i % 50 == 0 ? 1_200 : 350));

        assertThat(drift.quarterMedians()).containsExactly(350L, 350L, 350L, 350L);
        assertThat(drift.fellBehind()).isFalse();
        assertThat(drift.describe()).isEqualTo("median by quarter of the orders 350, 350, 350, 350 ms: the system"
                + " kept up");
    }

    @Test
    void aGrowingBacklogIsFallingBehind() {
        // Each order waits 1 ms longer than the one before it: a backlog that grows for the whole run.
        LatencyDrift drift = LatencyDrift.of(run(2_000, i -> 400 + i));

        assertThat(drift.quarterMedians()).containsExactly(400L + 249, 400L + 749, 400L + 1_249, 400L + 1_749);
        assertThat(drift.fellBehind()).isTrue();
        assertThat(drift.describe()).endsWith(": the system fell behind the placing rate");
    }

    @Test
    void anEpisodeInTheMiddleCountsEvenWhenTheEndRecovered() {
        LatencyDrift drift = LatencyDrift.of(run(2_000, i -> i >= 500 && i < 1_000 ? 2_500 : 400));

        assertThat(drift.quarterMedians()).containsExactly(400L, 2_500L, 400L, 400L);
        assertThat(drift.fellBehind()).isTrue();
    }

    @Test
    void ordersThatWereNeverAcceptedAreLeftOutAndPlacementOrderCounts() {
        List<RunData.Order> orders = new ArrayList<>(run(400, i -> 300 + 5L * i));
        Collections.reverse(orders);    // recorded in any order
        orders.add(new RunData.Order(T0 + 5, 0, 0, 0, OrderStage.PAYMENT_PENDING));

        LatencyDrift drift = LatencyDrift.of(orders);

        assertThat(drift.quarterMedians()).containsExactly(300L + 5 * 49, 300L + 5 * 149, 300L + 5 * 249,
                300L + 5 * 349);
    }

    @ParameterizedTest(name = "{0} ms, later peak {1} ms: fell behind {2}")
    @CsvSource({
        "350, 699, false",     // less than twice the start
        "350, 701, false",     // twice, but by less than a batch cycle
        "350, 851, true",
        "100, 599, false",
        "900, 1900, true",
        "1000, 1400, false",   // slow all along, but not growing by much
        "1000, 1750, true",    // behind from the start: less than doubled, but by 750 ms
        "1600, 650, false",    // a slow start that the system worked off
    })
    void fallingBehindIsGrowthByHalfASecondToTwiceTheStartOrBy750Ms(long first, long peak, boolean behind) {
        assertThat(new LatencyDrift(List.of(first, peak, first, first)).fellBehind()).isEqualTo(behind);
        assertThat(new LatencyDrift(List.of(first, first, first, peak)).fellBehind()).isEqualTo(behind);
    }

    @Test
    void tooFewOrdersSayNothing() {
        List<RunData.Order> orders = new ArrayList<>();
        for (int i = 0; i < LatencyDrift.MIN_ORDERS - 1; i++) {    // one a second: long enough, but too few
            orders.add(new RunData.Order(T0 + 1_000L * i, T0 + 1_000L * i + 100L * i, 0, 0,
                    OrderStage.SHIPMENT_ACCEPTED));
        }

        LatencyDrift drift = LatencyDrift.of(orders);

        assertThat(drift).isEqualTo(LatencyDrift.UNKNOWN);
        assertThat(drift.fellBehind()).isFalse();
        assertThat(drift.describe()).isEqualTo("too short a run to compare its quarters (at least 40 orders accepted,"
                + " placed over 8 s or more)");
    }

    @Test
    void aRunPlacedInUnderEightSecondsSaysNothing() {
        // 320 orders 25 ms apart are placed over 7.975 s, and their latency grows fast: still nothing to tell.
        assertThat(LatencyDrift.of(run(320, i -> 400 + 10L * i))).isEqualTo(LatencyDrift.UNKNOWN);
        assertThat(LatencyDrift.of(run(321, i -> 400 + 10L * i)).fellBehind()).isTrue();
    }

    @Test
    void anythingButFourQuartersIsRefused() {
        assertThatThrownBy(() -> new LatencyDrift(List.of(1L, 2L, 3L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 4 quarter medians");
    }
}
