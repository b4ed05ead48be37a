package dev.orderflow.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FullJitterBackoffTest {

    @Test
    void boundDoublesUpToTheCap() {
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(50), Duration.ofMillis(1000), () -> 0.5);
        assertThat(backoff.boundMillis(1)).isEqualTo(50);
        assertThat(backoff.boundMillis(2)).isEqualTo(100);
        assertThat(backoff.boundMillis(5)).isEqualTo(800);
        assertThat(backoff.boundMillis(6)).isEqualTo(1000);
        assertThat(backoff.boundMillis(60)).isEqualTo(1000);
    }

    @Test
    void waitsStayWithinZeroAndTheBoundAndSpreadOut() {
        Random random = new Random(1);
        FullJitterBackoff backoff = new FullJitterBackoff(Duration.ofMillis(50), Duration.ofSeconds(1), random::nextDouble);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long wait = backoff.waitMillis(3);
            assertThat(wait).isBetween(0L, 200L);
            min = Math.min(min, wait);
            max = Math.max(max, wait);
        }
        assertThat(min).isLessThan(10);
        assertThat(max).isGreaterThan(190);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new FullJitterBackoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FullJitterBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
