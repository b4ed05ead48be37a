package dev.orderflow.runtime.policy;

import java.time.Clock;

/**
 * Caps retries to a fraction of the call rate, so that during an outage retries cannot multiply the load on a
 * provider that is already failing (Resilience4j has per-call retry limits but no budget across calls).
 *
 * <p>Over a sliding window of one-second buckets: a retry is allowed while
 * {@code retries < ratio × calls + minPerSecond × window}. When it is refused the caller defers the work instead
 * of retrying now. Thread-safe; the window is small, so a lock is cheaper than anything clever.
 */
public final class RetryBudget {

    private static final int WINDOW_SECONDS = 10;

    private final double ratio;
    private final int minPerSecond;
    private final Clock clock;
    private final long[] calls = new long[WINDOW_SECONDS];
    private final long[] retries = new long[WINDOW_SECONDS];
    private final long[] bucketSecond = new long[WINDOW_SECONDS];


    public RetryBudget(double ratio, int minPerSecond, Clock clock) {
        if (ratio < 0 || Double.isNaN(ratio)) {
            throw new IllegalArgumentException("retry budget ratio must be >= 0: " + ratio);
        }
        if (minPerSecond < 0) {
            throw new IllegalArgumentException("retry budget minimum per second must be >= 0: " + minPerSecond);
        }
        this.ratio = ratio;
        this.minPerSecond = minPerSecond;
        this.clock = clock;
    }

    /** Counts a first attempt (not a retry) of a call. */
    public synchronized void recordCall() {
        calls[bucket(now())]++;
    }

    /** Takes one retry from the budget if there is room; counts it when it does. */
    public synchronized boolean tryAcquireRetry() {
        long second = now();
        long windowCalls = 0;
        long windowRetries = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (second - bucketSecond[i] < WINDOW_SECONDS) {
                windowCalls += calls[i];
                windowRetries += retries[i];
            }
        }
        if (windowRetries < ratio * windowCalls + (double) minPerSecond * WINDOW_SECONDS) {
            retries[bucket(second)]++;
            return true;
        }
        return false;
    }

    private long now() {
        return Math.floorDiv(clock.millis(), 1000L);
    }

    /** The bucket of this second, emptied first if it still holds an older second's counts. */
    private int bucket(long second) {
        int index = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        if (bucketSecond[index] != second) {
            calls[index] = 0;
            retries[index] = 0;
            bucketSecond[index] = second;
        }
        return index;
    }
}
