package dev.orderflow.runtime.consumer;

import java.time.Duration;
import java.util.List;

/**
 * When parked events (retryable failures that escaped the handler) come back, and how long they may keep failing
 * before they are dead-lettered.
 */
record ParkingPolicy(List<Duration> schedule, Duration deadline) {

    ParkingPolicy {
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("parking schedule needs at least one delay");
        }
        schedule = List.copyOf(schedule);
    }

    /** Delay before attempt {@code attempt} (1-based); the last delay repeats. */
    Duration delay(int attempt) {
        return schedule.get(Math.min(Math.max(attempt, 1), schedule.size()) - 1);
    }
}
