package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        LatencySummary summary = LatencySummary.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isEqualTo(50);
        assertThat(summary.p95()).isEqualTo(95);
        assertThat(summary.p99()).isEqualTo(99);
        assertThat(summary.max()).isEqualTo(100);
        assertThat(summary.mean()).isEqualTo(50.5);
    }

    @Test
    void aFewSamplesTakeTheNextRankUp() {
        long[] sorted = {10, 20, 30};

        assertThat(LatencySummary.percentile(sorted, 50)).isEqualTo(20);
        assertThat(LatencySummary.percentile(sorted, 99)).isEqualTo(30);
        assertThat(LatencySummary.percentile(sorted, 1)).isEqualTo(10);
        assertThat(LatencySummary.percentile(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void noSamplesIsAllZeroAndABadPercentileIsRefused() {
        assertThat(LatencySummary.of(new long[0])).isEqualTo(LatencySummary.EMPTY);
        assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySummary.percentile(new long[0], 50))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
