package dev.orderflow.shipping.application;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the stage follows accepted shipments: by reading each one on {@code pollSchedule} (its last delay repeats),
 * or by the provider's event feed (steps arrive as {@code FulfillmentStepObserved}) with a direct read every
 * {@code safetyCheck} as a safety net.
 */
public record ProgressTracking(List<Duration> pollSchedule, Duration safetyCheck) {

    public ProgressTracking {
        pollSchedule = List.copyOf(pollSchedule);
        if (pollSchedule.isEmpty() && safetyCheck == null) {
            throw new IllegalArgumentException("a poll schedule or a safety check interval");
        }
    }

    public static ProgressTracking polling(List<Duration> schedule) {
        return new ProgressTracking(schedule, null);
    }

    public static ProgressTracking byFeed(Duration safetyCheck) {
        return new ProgressTracking(List.of(), Objects.requireNonNull(safetyCheck, "safetyCheck"));
    }

    public boolean feed() {
        return safetyCheck != null;
    }

    /** The delay before read number {@code read} (1-based) since the last progress. */
    Duration delayBefore(int read) {
        if (feed()) {
            return safetyCheck;
        }
        return pollSchedule.get(Math.min(Math.max(read, 1), pollSchedule.size()) - 1);
    }
}
