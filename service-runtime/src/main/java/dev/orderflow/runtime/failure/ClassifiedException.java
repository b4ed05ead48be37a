package dev.orderflow.runtime.failure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of the platform's failures: every failure the runtime acts on carries its {@link FailureCategory}, so
 * retry, deferral, dead-lettering and metrics never guess from exception types scattered through the code.
 */
public class ClassifiedException extends RuntimeException {

    private final FailureCategory category;
    private final Duration retryAfter;

    public ClassifiedException(FailureCategory category, String message) {
        this(category, message, null, null);
    }

    public ClassifiedException(FailureCategory category, String message, Throwable cause) {
        this(category, message, null, cause);
    }

    public ClassifiedException(FailureCategory category, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
        this.retryAfter = retryAfter;
    }

    public FailureCategory category() {
        return category;
    }

    /** How long the other side asked us to wait (Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
