package dev.orderflow.runtime.policy;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import java.time.Duration;
import java.util.Optional;

/** What a provider call came to after the stage policy's quick retries: a value or a classified failure. */
public sealed interface CallOutcome<T> {

    /** Attempts made, the first one included. */
    int attempts();

    record Succeeded<T>(T value, int attempts) implements CallOutcome<T> {
    }

    /** A classified failure; {@link FailureCategory#retryable()} says whether trying later can help. */
    record Failed<T>(ClassifiedException failure, int attempts) implements CallOutcome<T> {

        public FailureCategory category() {
            return failure.category();
        }

        public Optional<Duration> retryAfter() {
            return failure.retryAfter();
        }
    }
}
