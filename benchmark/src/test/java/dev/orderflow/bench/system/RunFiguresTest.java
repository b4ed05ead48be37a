package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunFiguresTest {

    private static final long T0 = 1_700_000_000_000L;

    @Test
    void throughputLatencyAndSeriesFromRecordedTimes() {
        List<RunData.Order> orders = new ArrayList<>();
        // 10 orders placed 100 ms apart; each accepted 200 ms later (the last 1 s later), delivered 5 s later.
        for (int i = 0; i < 10; i++) {
            long placed = T0 + i * 100L;
            long accepted = placed + (i == 9 ? 1_000 : 200);
            orders.add(new RunData.Order(placed, accepted, accepted + 50, placed + 5_000, OrderStage.DELIVERED));
        }
        orders.add(new RunData.Order(T0 + 950, 0, 0, 0, OrderStage.PAYMENT_PENDING));
        RunData data = new RunData(orders, List.of(T0 + 100, T0 + 600, T0 + 2_100),
                List.of(new RunRecorder.StageSample(T0 + 1_500, Map.of(OrderStage.SHIPMENT_ACCEPTED, 10L))));

        RunFigures figures = RunFigures.compute(data);

        assertThat(figures.placed()).isEqualTo(11);
        assertThat(figures.accepted()).isEqualTo(10);
        assertThat(figures.delivered()).isEqualTo(10);
        // last acceptance at T0 + 900 + 1000 ms: 10 orders in 1.9 s
        assertThat(figures.acceptedPerSecond()).isCloseTo(10 / 1.9, within(1e-9));
        assertThat(figures.placedPerSecond()).isCloseTo(11 / 0.95, within(1e-9));
        assertThat(figures.latency().p50()).isEqualTo(200);
        assertThat(figures.latency().p99()).isEqualTo(1_000);
        assertThat(figures.seenLatency().p50()).isEqualTo(250);
        assertThat(figures.deliveryLatency().p50()).isEqualTo(5_000);
        assertThat(figures.relayedEvents()).isEqualTo(3);
        assertThat(figures.relayedPerSecond()).isCloseTo(3 / 2.0, within(1e-9));
        assertThat(figures.finalStages()).containsEntry(OrderStage.DELIVERED, 10L)
                .containsEntry(OrderStage.PAYMENT_PENDING, 1L);

        List<RunFigures.Second> series = figures.series();
        assertThat(series).hasSize(6);    // the last delivery at T0 + 5.9 s
        assertThat(series.get(0).placed()).isEqualTo(11);
        assertThat(series.get(0).accepted()).isEqualTo(8);    // accepted at 200..900 ms
        assertThat(series.get(1).accepted()).isEqualTo(2);    // 1000 ms and 1900 ms
        assertThat(series.get(1).latencyP99()).isEqualTo(1_000);
        assertThat(series.get(1).stages()).containsEntry(OrderStage.SHIPMENT_ACCEPTED, 10L);
        assertThat(series.get(2).latencyP50()).isEqualTo(-1);
        assertThat(series.get(0).relayed() + series.get(2).relayed()).isEqualTo(3);
        assertThat(series.stream().mapToLong(RunFigures.Second::delivered).sum()).isEqualTo(10);
    }

    @Test
    void thePeakIsTheBestFiveSecondWindow() {
        List<RunData.Order> orders = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            int perSecond = s < 5 ? 1 : 10;
            for (int i = 0; i < perSecond; i++) {
                orders.add(new RunData.Order(T0 + s * 1_000L, T0 + s * 1_000L + 10, 0, 0,
                        OrderStage.SHIPMENT_ACCEPTED));
            }
        }

        assertThat(RunFigures.compute(new RunData(orders, List.of(), List.of())).peakAcceptedPerSecond())
                .isEqualTo(10.0);
    }

    @Test
    void eachStepIsTimedBetweenTheEventsAtItsEnds() {
        List<RunData.Order> orders = List.of(
                new RunData.Order(T0, T0 + 900, 0, 0, OrderStage.SHIPMENT_ACCEPTED, T0 + 100, T0 + 400),
                new RunData.Order(T0, T0 + 1_000, 0, 0, OrderStage.SHIPMENT_ACCEPTED, T0 + 300, T0 + 500),
                // not authorized yet: counts in the first step only
                new RunData.Order(T0, 0, 0, 0, OrderStage.RESERVED, T0 + 200, 0));

        Map<String, LatencySummary> hops = RunFigures.compute(new RunData(orders, List.of(), List.of())).hops();

        assertThat(hops.keySet()).containsExactly("placed → reserved", "reserved → authorized",
                "authorized → shipment accepted");
        assertThat(hops.get("placed → reserved").count()).isEqualTo(3);
        assertThat(hops.get("placed → reserved").max()).isEqualTo(300);
        assertThat(hops.get("reserved → authorized").count()).isEqualTo(2);
        assertThat(hops.get("reserved → authorized").max()).isEqualTo(300);
        assertThat(hops.get("authorized → shipment accepted").max()).isEqualTo(500);
    }

    @Test
    void anEmptyRunHasZeroFigures() {
        RunFigures figures = RunFigures.compute(new RunData(List.of(), List.of(), List.of()));

        assertThat(figures.placed()).isZero();
        assertThat(figures.latency()).isEqualTo(LatencySummary.EMPTY);
        assertThat(figures.series()).isEmpty();
    }
}
