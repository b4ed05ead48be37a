package dev.orderflow.sandbox.fault;

import java.time.Duration;

/**
 * What happens to one call, decided before it runs.
 *
 * @param kind        the transport-level outcome
 * @param latency     delay added before the call is handled
 * @param errorStatus the HTTP status of a {@link FaultKind#TRANSIENT_ERROR} or {@link FaultKind#OVERLOAD}; else 0
 * @param retryAfter  the Retry-After of an overload answer
 * @param hold        how long a timed-out call holds its connection before dropping it
 * @param business    business refusal or later exception, for operations where they apply
 */
public record FaultDecision(FaultKind kind, Duration latency, int errorStatus,
                            Duration retryAfter, Duration hold, BusinessFault business) {

    /** What admin and audit calls, which are never faulted, get. */
    public static final FaultDecision NONE = new FaultDecision(FaultKind.NONE, Duration.ZERO, 0, Duration.ZERO,
            Duration.ZERO, BusinessFault.NONE);
}
