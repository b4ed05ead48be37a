package dev.orderflow.dlq.domain;

/**
 * Spaces sends evenly to at most {@code perSecond} records a second. Pure arithmetic on a nanosecond clock reading,
 * so it is tested without waiting; the caller does the waiting.
 */
public final class Pacer {

    private final long intervalNanos;
    private long nextSlot = Long.MIN_VALUE;

    private Pacer(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** A pacer for {@code perSecond} records a second; 0 or less means unlimited. */
    public static Pacer perSecond(double perSecond) {
        return new Pacer(perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond));
    }

    public static Pacer unlimited() {
        return new Pacer(0);
    }

    /** How long to wait before the next send, given the current reading of a monotonic clock; claims the slot. */
    public long claim(long nowNanos) {
        if (intervalNanos == 0) {
            return 0;
        }
        long slot = nextSlot == Long.MIN_VALUE ? nowNanos : Math.max(nextSlot, nowNanos);
        nextSlot = slot + intervalNanos;
        return slot - nowNanos;
    }
}
