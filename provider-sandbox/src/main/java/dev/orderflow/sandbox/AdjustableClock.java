package dev.orderflow.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's clock: a base clock moved forward by an offset that the admin API can grow. Moving time lets a
 * test or benchmark outside the JVM see idempotency keys expire, reservations time out and shipments progress
 * without waiting. It only moves forward, which the time-ordered stores rely on.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public AdjustableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private AdjustableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** Moves the clock forward; returns the new time. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("Invalid value " + by + " for clock advance: must not be negative");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AdjustableClock(base.withZone(zone), offset);
    }
}
