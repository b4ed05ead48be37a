package dev.orderflow.bench.naive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesAreNearestRankSamples() {
        List<Duration> latencies = new ArrayList<>(IntStream.rangeClosed(1, 200).mapToObj(Duration::ofMillis).toList());
        Collections.shuffle(latencies, new java.util.Random(1));

        LatencySummary summary = LatencySummary.of(latencies);

        assertThat(summary.samples()).isEqualTo(200);
        assertThat(summary.p50()).isEqualTo(Duration.ofMillis(100));
        assertThat(summary.p95()).isEqualTo(Duration.ofMillis(190));
        assertThat(summary.p99()).isEqualTo(Duration.ofMillis(198));
        assertThat(summary.max()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void oneSlowOrderInAHundredIsTheP99() {
        List<Duration> latencies = new ArrayList<>(Collections.nCopies(99, Duration.ofMillis(10)));
        latencies.add(Duration.ofSeconds(9));

        LatencySummary summary = LatencySummary.of(latencies);

        assertThat(summary.p99()).isEqualTo(Duration.ofMillis(10));
        assertThat(summary.max()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        LatencySummary summary = LatencySummary.of(List.of(Duration.ofMillis(42)));

        assertThat(List.of(summary.p50(), summary.p95(), summary.p99())).containsOnly(Duration.ofMillis(42));
    }

    @Test
    void noSamplesIsEmpty() {
        assertThat(LatencySummary.of(List.of())).isEqualTo(LatencySummary.EMPTY);
    }
}
