package dev.orderflow.sandbox.fault;

/**
 * How one operation misbehaves. The four outcome rates are exclusive bands of one draw (their sum is at most 1);
 * latency is added to every call; the business rates are drawn separately and only apply where they make sense
 * ({@link Operation#canBeRejected()}, and fulfillment acceptance for exceptions).
 *
 * @param latencyMinMs               least latency added to a call, in milliseconds
 * @param latencyMaxMs               most latency added to a call, in milliseconds (uniform between min and max)
 * @param transientErrorRate         share of calls answered 500 or 502 without doing the work
 * @param overloadRate               share of calls answered 429 or 503 with {@code Retry-After}, without the work
 * @param retryAfterSeconds          the {@code Retry-After} sent with an overload answer
 * @param timeoutBeforeWorkRate      share of calls held past the client's timeout and dropped, work NOT done
 * @param lostReplyAfterWorkRate     share of calls whose work IS done but whose reply is lost (held, then dropped)
 * @param holdMs                     how long a timed-out call holds the connection before dropping it; 0 drops it
 *                                   at once (the client sees a closed connection instead of its own timeout)
 * @param rejectionRate              share of create calls refused for a business reason the caller did not cause
 * @param exceptionAfterAcceptanceRate share of accepted shipments that later end in an EXCEPTION stage
 */
public record FaultSpec(
        long latencyMinMs,
        long latencyMaxMs,
        double transientErrorRate,
        double overloadRate,
        int retryAfterSeconds,
        double timeoutBeforeWorkRate,
        double lostReplyAfterWorkRate,
        long holdMs,
        double rejectionRate,
        double exceptionAfterAcceptanceRate) {

    public static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0, 1, 0, 0, 0, 0, 0);

    public FaultSpec {
        requireNonNegative("latencyMinMs", latencyMinMs);
        requireNonNegative("latencyMaxMs", latencyMaxMs);
        if (latencyMaxMs < latencyMinMs) {
            throw invalid("latencyMaxMs", latencyMaxMs, "must be at least latencyMinMs (" + latencyMinMs + ")");
        }
        requireRate("transientErrorRate", transientErrorRate);
        requireRate("overloadRate", overloadRate);
        requireNonNegative("retryAfterSeconds", retryAfterSeconds);
        requireRate("timeoutBeforeWorkRate", timeoutBeforeWorkRate);
        requireRate("lostReplyAfterWorkRate", lostReplyAfterWorkRate);
        requireNonNegative("holdMs", holdMs);
        requireRate("rejectionRate", rejectionRate);
        requireRate("exceptionAfterAcceptanceRate", exceptionAfterAcceptanceRate);
        double outcomes = transientErrorRate + overloadRate + timeoutBeforeWorkRate + lostReplyAfterWorkRate;
        if (outcomes > 1.0 + 1e-9) {
            throw new IllegalArgumentException("Invalid fault settings: transientErrorRate + overloadRate"
                    + " + timeoutBeforeWorkRate + lostReplyAfterWorkRate is " + outcomes + ", must be at most 1"
                    + " (they are shares of one draw; lower the others when raising one)");
        }
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw invalid(name, value, "must be between 0 and 1");
        }
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw invalid(name, value, "must not be negative");
        }
    }

    private static IllegalArgumentException invalid(String name, Object value, String reason) {
        return new IllegalArgumentException("Invalid value " + value + " for fault setting " + name + ": " + reason);
    }
}
