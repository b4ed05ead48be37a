package dev.orderflow.runtime.policy;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a uniformly random wait between zero and the exponential bound): the
 * variant that spreads synchronized retries best. A provider's Retry-After wins over the computed wait.
 */
public final class FullJitterBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); injected so tests can pin it */
    public FullJitterBackoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The upper bound of the wait before retry number {@code retry} (1-based): initial × 2^(retry-1), capped. */
    public long boundMillis(int retry) {
        int shift = Math.min(Math.max(retry, 1) - 1, 30);
        return Math.min(maxMillis, initialMillis << shift);
    }

    /** The wait before retry number {@code retry}: uniform in [0, bound]. */
    public long waitMillis(int retry) {
        return (long) (random.getAsDouble() * (boundMillis(retry) + 1));
    }
}
