package dev.orderflow.shipping.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How the stage follows accepted shipments: by reading each one on the status-query schedule, or by the provider's
 * event feed (steps arrive as {@code FulfillmentStepObserved}) with a direct read every {@code safetyCheck} as a
 * safety net.
 */
public record ProgressTracking(Duration safetyCheck) {

    public static ProgressTracking polling() {
        return new ProgressTracking(null);
    }

    public static ProgressTracking byFeed(Duration safetyCheck) {
        return new ProgressTracking(Objects.requireNonNull(safetyCheck, "safetyCheck"));
    }

    public boolean feed() {
        return safetyCheck != null;
    }
}
