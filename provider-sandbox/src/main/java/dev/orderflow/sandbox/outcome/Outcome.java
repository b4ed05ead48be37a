package dev.orderflow.sandbox.outcome;

import java.util.Objects;

/**
 * The result of a create call, remembered under its idempotency key: a business refusal is a result too, so the
 * same key gets the same refusal again instead of a second try.
 *
 * @param <T> what a successful call produced
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(Rejection rejection) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Rejection rejection) {
        return new Refused<>(rejection);
    }
}
