package dev.orderflow.runtime.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one stage reacts to failed provider calls (DESIGN.md §1), as values loaded from configuration by
 * {@link StagePolicyConfig}: a service is a handler plus one of these, not constants spread through code.
 *
 * @param attemptTimeout        the longest one provider call may take before it counts as ambiguous
 * @param maxQuickRetries       retries right away (with backoff) of a transient or overload failure
 * @param backoffInitial        first backoff; each retry doubles it up to {@code backoffMax}, full jitter
 * @param maxConcurrentCalls    bulkhead: calls in flight to this provider from one service instance
 * @param breakerFailureRate    percentage of failed calls that opens the circuit breaker
 * @param breakerMinimumCalls   calls in the window before the failure rate counts
 * @param breakerOpenDuration   how long an open breaker refuses calls before it lets a few through
 * @param statusQuerySchedule   delays of the deferred status re-checks of an ambiguous outcome, then the last
 *                              delay repeats until the deadline
 * @param deferralSchedule      delays of deferred retries after quick retries are spent (or refused by the budget)
 * @param escalationDeadline    how long an unresolved outcome may stay pending before operators are called
 * @param retryBudgetRatio      retries may add at most this fraction of the call rate
 * @param retryBudgetMinPerSecond retries always allowed per second, so a quiet stage can still retry
 */
public record StagePolicy(String stage, Duration attemptTimeout, int maxQuickRetries, Duration backoffInitial,
        Duration backoffMax, int maxConcurrentCalls, float breakerFailureRate, int breakerMinimumCalls,
        Duration breakerOpenDuration, List<Duration> statusQuerySchedule, List<Duration> deferralSchedule,
        Duration escalationDeadline, double retryBudgetRatio, int retryBudgetMinPerSecond) {

    public StagePolicy {
        Objects.requireNonNull(stage, "stage");
        statusQuerySchedule = List.copyOf(statusQuerySchedule);
        deferralSchedule = List.copyOf(deferralSchedule);
    }

    /** The delay before status re-check number {@code attempt} (1-based); the last delay repeats. */
    public Duration statusQueryDelay(int attempt) {
        return pick(statusQuerySchedule, attempt);
    }

    /** The delay before deferred retry number {@code attempt} (1-based); the last delay repeats. */
    public Duration deferralDelay(int attempt) {
        return pick(deferralSchedule, attempt);
    }

    private static Duration pick(List<Duration> schedule, int attempt) {
        return schedule.get(Math.min(Math.max(attempt, 1), schedule.size()) - 1);
    }
}
