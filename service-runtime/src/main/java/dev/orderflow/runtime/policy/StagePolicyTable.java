package dev.orderflow.runtime.policy;

import dev.orderflow.runtime.config.Durations;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Renders stage policies as the table a service prints at start-up, so operators see what is in force. */
public final class StagePolicyTable {

    private StagePolicyTable() {
    }

    public static String render(List<StagePolicy> policies) {
        StringBuilder out = new StringBuilder();
        String format = "%-12s %-8s %-7s %-13s %-5s %-16s %-22s %-22s %-9s %-12s%n";
        out.append(String.format(format, "stage", "timeout", "retries", "backoff", "bulk", "breaker",
                "status queries", "deferrals", "escalate", "retry budget"));
        for (StagePolicy p : policies) {
            out.append(String.format(format, p.stage(), Durations.format(p.attemptTimeout()), p.maxQuickRetries(),
                    Durations.format(p.backoffInitial()) + ".." + Durations.format(p.backoffMax()),
                    p.maxConcurrentCalls(),
                    Math.round(p.breakerFailureRate()) + "%/" + p.breakerMinimumCalls() + "/"
                            + Durations.format(p.breakerOpenDuration()),
                    list(p.statusQuerySchedule()), list(p.deferralSchedule()),
                    Durations.format(p.escalationDeadline()),
                    Math.round(p.retryBudgetRatio() * 100) + "%+" + p.retryBudgetMinPerSecond() + "/s"));
        }
        return out.toString();
    }

    private static String list(List<Duration> schedule) {
        return schedule.stream().map(Durations::format).collect(Collectors.joining(","));
    }
}
