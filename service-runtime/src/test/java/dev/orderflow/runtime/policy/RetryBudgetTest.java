package dev.orderflow.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import dev.orderflow.runtime.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void retriesAreCappedAtTheRatioOfCalls() {
        RetryBudget budget = new RetryBudget(0.1, 0, clock);
        for (int i = 0; i < 100; i++) {
            budget.recordCall();
        }
        int granted = 0;
        for (int i = 0; i < 50; i++) {
            granted += budget.tryAcquireRetry() ? 1 : 0;
        }
        assertThat(granted).isEqualTo(10);
    }

    @Test
    void aQuietStageKeepsItsMinimumAndTheWindowSlides() {
        RetryBudget budget = new RetryBudget(0.1, 1, clock);
        int granted = 0;
        for (int i = 0; i < 50; i++) {
            granted += budget.tryAcquireRetry() ? 1 : 0;
        }
        assertThat(granted).as("minimum of 1/s over a 10 s window").isEqualTo(10);
        assertThat(budget.tryAcquireRetry()).isFalse();
        clock.advance(Duration.ofSeconds(11));
        assertThat(budget.tryAcquireRetry()).as("old retries left the window").isTrue();
    }

    @Test
    void anOutageCannotMultiplyTheLoad() {
        RetryBudget budget = new RetryBudget(0.1, 1, clock);
        long calls = 0;
        long retries = 0;
        for (int second = 0; second < 60; second++) {
            for (int i = 0; i < 200; i++) {
                budget.recordCall();
                calls++;
                retries += budget.tryAcquireRetry() ? 1 : 0;    // every call fails and wants a retry
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat((double) retries / calls).isLessThanOrEqualTo(0.1 + 1.0 / 200);
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryBudget(-0.1, 1, clock)).hasMessageContaining("ratio");
        assertThatThrownBy(() -> new RetryBudget(0.1, -1, clock)).hasMessageContaining("minimum");
    }
}
