package dev.orderflow.runtime.policy;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.failure.FailureClassifier;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs provider calls of one stage under its {@link StagePolicy}: Resilience4j's bulkhead (calls in flight), circuit
 * breaker (stop calling a provider that keeps failing) and retry (a few quick retries with full-jitter backoff that
 * honours Retry-After), plus the {@link RetryBudget} Resilience4j lacks. Only transient and overload failures are
 * retried here: an ambiguous outcome is resolved by a status query, a business answer is final.
 *
 * <p>The outcome is returned, never thrown, so the stage handler decides what comes next (defer, status query,
 * fail fast) with the failure's category in hand.
 *
 * <p>Its breaker gauge is bound to its own breaker, so {@link #close()} removes it from the registry: an executor
 * started again on the same registry (a service restarted in-process) then registers a gauge of its new breaker.
 * The counters stay: they count on across a restart. Two executors of one stage open at once on one registry
 * would share the first one's gauge.
 */
public final class StageCallExecutor implements AutoCloseable {

    private final StagePolicy policy;
    private final RetryBudget budget;
    private final Bulkhead bulkhead;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Counter budgetExhausted;
    private final Counter retries;
    private final MeterRegistry meters;
    private final Gauge breakerGauge;

    public StageCallExecutor(StagePolicy policy, MeterRegistry meters, Clock clock) {
        this.policy = policy;
        this.budget = new RetryBudget(policy.retryBudgetRatio(), policy.retryBudgetMinPerSecond(), clock);
        FullJitterBackoff backoff = new FullJitterBackoff(policy.backoffInitial(), policy.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.bulkhead = Bulkhead.of(policy.stage(), BulkheadConfig.custom()
                .maxConcurrentCalls(policy.maxConcurrentCalls()).maxWaitDuration(policy.attemptTimeout()).build());
        this.breaker = CircuitBreaker.of(policy.stage(), CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.breakerFailureRate())
                .minimumNumberOfCalls(policy.breakerMinimumCalls())
                .slidingWindowSize(Math.max(policy.breakerMinimumCalls(), 20))
                .waitDurationInOpenState(policy.breakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(3)
                // A business answer is the provider working as it should; only failures of the call count.
                .recordException(StageCallExecutor::isProviderTrouble)
                .build());
        IntervalBiFunction<Object> interval = (retryNumber, result) -> result.isLeft()
                ? FailureClassifier.retryAfter(result.getLeft()).map(Duration::toMillis)
                        .orElseGet(() -> backoff.waitMillis(retryNumber))
                : backoff.waitMillis(retryNumber);
        this.retry = Retry.of(policy.stage(), RetryConfig.custom()
                .maxAttempts(policy.maxQuickRetries() + 1)
                .intervalBiFunction(interval)
                .retryOnException(this::retryNow)
                .build());
        Tags tags = Tags.of("stage", policy.stage());
        this.budgetExhausted = meters.counter("orderflow.stage.retry.budget.exhausted", tags);
        this.retries = meters.counter("orderflow.stage.retries", tags);
        this.meters = meters;
        this.breakerGauge = Gauge.builder("orderflow.stage.breaker.state", breaker, StageCallExecutor::breakerLevel)
                .tags(tags).description("circuit breaker state: 0 closed, 1 half-open, 2 open").register(meters);
    }

    private static double breakerLevel(CircuitBreaker breaker) {
        return breaker.getState() == CircuitBreaker.State.OPEN ? 2
                : breaker.getState() == CircuitBreaker.State.HALF_OPEN ? 1 : 0;
    }

    public StagePolicy policy() {
        return policy;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /**
     * Calls {@code attempt} with the policy's per-attempt timeout as its argument (the call must enforce it, e.g. as
     * the HTTP request timeout) and retries it as the policy allows.
     */
    public <T> CallOutcome<T> call(Function<Duration, T> attempt) {
        budget.recordCall();
        AtomicInteger attempts = new AtomicInteger();
        try {
            T value = Retry.decorateSupplier(retry, () -> {
                attempts.incrementAndGet();
                return breaker.executeSupplier(() -> bulkhead.executeSupplier(() -> attempt.apply(policy.attemptTimeout())));
            }).get();
            return new CallOutcome.Succeeded<>(value, attempts.get());
        } catch (CallNotPermittedException e) {
            return new CallOutcome.Failed<>(new ClassifiedException(FailureCategory.OVERLOAD,
                    "circuit breaker of " + policy.stage() + " is open", policy.breakerOpenDuration(), e), attempts.get());
        } catch (BulkheadFullException e) {
            return new CallOutcome.Failed<>(new ClassifiedException(FailureCategory.OVERLOAD,
                    "too many calls in flight to " + policy.stage(), policy.backoffInitial(), e), attempts.get());
        } catch (ClassifiedException e) {
            return new CallOutcome.Failed<>(e, attempts.get());
        } catch (RuntimeException e) {
            return new CallOutcome.Failed<>(new ClassifiedException(FailureClassifier.classify(e),
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e), attempts.get());
        }
    }

    private boolean retryNow(Throwable failure) {
        FailureCategory category = FailureClassifier.classify(failure);
        if (category != FailureCategory.TRANSIENT && category != FailureCategory.OVERLOAD) {
            return false;
        }
        if (failure instanceof CallNotPermittedException || failure instanceof BulkheadFullException) {
            return false;    // our own protection said no: defer instead of spinning
        }
        boolean waitTooLong = FailureClassifier.retryAfter(failure)
                .filter(wait -> wait.compareTo(policy.backoffMax()) > 0).isPresent();
        if (waitTooLong) {
            return false;    // the provider asked for longer than a quick retry may wait: defer
        }
        if (!budget.tryAcquireRetry()) {
            budgetExhausted.increment();
            return false;
        }
        retries.increment();
        return true;
    }

    private static boolean isProviderTrouble(Throwable failure) {
        FailureCategory category = FailureClassifier.classify(failure);
        return category == FailureCategory.TRANSIENT || category == FailureCategory.OVERLOAD
                || category == FailureCategory.AMBIGUOUS;
    }

    /** Removes the breaker gauge from the registry; calls made after this still work but are not shown in it. */
    @Override
    public void close() {
        meters.remove(breakerGauge);
    }
}
