package dev.orderflow.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StageCallExecutorTest {

    private static final String BREAKER_GAUGE = "orderflow.stage.breaker.state";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private StagePolicy policy(int retries, double budgetRatio, int budgetMin) {
        return new StagePolicy("test", Duration.ofMillis(100), retries, Duration.ofMillis(1), Duration.ofMillis(2), 8,
                50, 4, Duration.ofMinutes(1), List.of(Duration.ofSeconds(1)), List.of(Duration.ofSeconds(1)),
                Duration.ofMinutes(5), budgetRatio, budgetMin);
    }

    @Test
    void aTransientFailureIsRetriedAndThenSucceeds() {
        StageCallExecutor executor = new StageCallExecutor(policy(2, 1.0, 10), meters, Clock.systemUTC());
        AtomicInteger calls = new AtomicInteger();
        CallOutcome<String> outcome = executor.call(timeout -> {
            if (calls.incrementAndGet() < 3) {
                throw new ClassifiedException(FailureCategory.TRANSIENT, "502");
            }
            return "ok";
        });
        assertThat(outcome).isEqualTo(new CallOutcome.Succeeded<>("ok", 3));
    }

    @Test
    void businessAndAmbiguousOutcomesAreNeverRetriedHere() {
        StageCallExecutor executor = new StageCallExecutor(policy(3, 1.0, 10), meters, Clock.systemUTC());
        for (FailureCategory category : List.of(FailureCategory.BUSINESS, FailureCategory.AMBIGUOUS)) {
            AtomicInteger calls = new AtomicInteger();
            CallOutcome<String> outcome = executor.call(timeout -> {
                calls.incrementAndGet();
                throw new ClassifiedException(category, "no");
            });
            assertThat(calls).as(category.name()).hasValue(1);
            assertThat(((CallOutcome.Failed<String>) outcome).category()).isEqualTo(category);
        }
    }

    @Test
    void anEmptyRetryBudgetTurnsRetriesIntoDeferral() {
        StageCallExecutor executor = new StageCallExecutor(policy(3, 0.0, 0), meters, Clock.systemUTC());
        AtomicInteger calls = new AtomicInteger();
        CallOutcome<String> outcome = executor.call(timeout -> {
            calls.incrementAndGet();
            throw new ClassifiedException(FailureCategory.TRANSIENT, "500");
        });
        assertThat(calls).hasValue(1);
        assertThat(outcome).isInstanceOf(CallOutcome.Failed.class);
        assertThat(meters.counter("orderflow.stage.retry.budget.exhausted", "stage", "test").count()).isEqualTo(1);
    }

    @Test
    void aRetryAfterLongerThanTheBackoffCapDefersInsteadOfWaiting() {
        StageCallExecutor executor = new StageCallExecutor(policy(3, 1.0, 10), meters, Clock.systemUTC());
        AtomicInteger calls = new AtomicInteger();
        CallOutcome<String> outcome = executor.call(timeout -> {
            calls.incrementAndGet();
            throw new ClassifiedException(FailureCategory.OVERLOAD, "429", Duration.ofSeconds(30), null);
        });
        assertThat(calls).hasValue(1);
        assertThat(((CallOutcome.Failed<String>) outcome).retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void theBreakerOpensOnRepeatedFailuresAndThenRefusesWithoutCalling() {
        StageCallExecutor executor = new StageCallExecutor(policy(0, 1.0, 10), meters, Clock.systemUTC());
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            executor.call(timeout -> {
                calls.incrementAndGet();
                throw new ClassifiedException(FailureCategory.TRANSIENT, "503");
            });
        }
        assertThat(executor.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        CallOutcome<String> refused = executor.call(timeout -> {
            calls.incrementAndGet();
            return "never";
        });
        assertThat(calls).hasValue(4);
        assertThat(((CallOutcome.Failed<String>) refused).category()).isEqualTo(FailureCategory.OVERLOAD);
    }

    @Test
    void businessAnswersDoNotOpenTheBreaker() {
        StageCallExecutor executor = new StageCallExecutor(policy(0, 1.0, 10), meters, Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            executor.call(timeout -> {
                throw new ClassifiedException(FailureCategory.BUSINESS, "declined");
            });
        }
        assertThat(executor.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theAttemptGetsThePolicyTimeout() {
        StageCallExecutor executor = new StageCallExecutor(policy(0, 1.0, 10), meters, Clock.systemUTC());
        assertThat(executor.call(timeout -> timeout)).isEqualTo(new CallOutcome.Succeeded<>(Duration.ofMillis(100), 1));
    }

    @Test
    void anExecutorStartedAgainOnTheSameRegistryShowsItsOwnBreaker() {
        StageCallExecutor first = new StageCallExecutor(policy(0, 1.0, 10), meters, Clock.systemUTC());
        assertThat(breakerGauge()).isZero();
        first.close();
        assertThat(meters.find(BREAKER_GAUGE).gauge()).isNull();

        StageCallExecutor restarted = new StageCallExecutor(policy(0, 1.0, 10), meters, Clock.systemUTC());
        for (int i = 0; i < 4; i++) {
            restarted.call(timeout -> {
                throw new ClassifiedException(FailureCategory.TRANSIENT, "503");
            });
        }

        assertThat(restarted.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakerGauge()).isEqualTo(2);
        assertThat(meters.find(BREAKER_GAUGE).gauges()).hasSize(1);
    }

    private double breakerGauge() {
        return meters.get(BREAKER_GAUGE).tag("stage", "test").gauge().value();
    }
}
