package dev.orderflow.orderstream.intake;

import dev.orderflow.runtime.outbox.OutboxMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the order intake API, validated once at construction: a bad value fails start-up with
 * {@code Invalid value X for configuration Y: reason} instead of being silently corrected.
 *
 * @param maxInFlight            requests processed at once; more get 429 at once instead of queueing behind a
 *                               slow database (a queue would only turn overload into timeouts)
 * @param retryAfter             what 429 and 503 answers ask clients to wait (whole seconds, at least 1)
 * @param maxTransactionAttempts tries of one intake transaction on a serialization failure or deadlock
 * @param maxBodyBytes           largest accepted request body; larger ones get 413 without being read
 * @param outboxMode             how {@code OrderPlaced} enters the database log for the outbox relay
 */
public record IntakeSettings(int maxInFlight, Duration retryAfter, int maxTransactionAttempts, int maxBodyBytes,
                             OutboxMode outboxMode) {

    public static final String MAX_IN_FLIGHT = "order.intake.max.in.flight";
    public static final String RETRY_AFTER = "order.intake.retry.after";
    public static final String MAX_TRANSACTION_ATTEMPTS = "order.intake.max.transaction.attempts";
    public static final String MAX_BODY_BYTES = "order.intake.max.body.bytes";

    public IntakeSettings {
        Objects.requireNonNull(retryAfter, RETRY_AFTER);
        Objects.requireNonNull(outboxMode, "outboxMode");
        require(maxInFlight >= 1, maxInFlight, MAX_IN_FLIGHT, "must be at least 1");
        require(!retryAfter.isNegative() && retryAfter.toSeconds() >= 1
                && retryAfter.toNanos() % 1_000_000_000L == 0, retryAfter, RETRY_AFTER,
                "must be a whole number of seconds, at least 1 (Retry-After carries whole seconds)");
        require(maxTransactionAttempts >= 1 && maxTransactionAttempts <= 10, maxTransactionAttempts,
                MAX_TRANSACTION_ATTEMPTS, "must be between 1 and 10");
        require(maxBodyBytes >= 1024, maxBodyBytes, MAX_BODY_BYTES, "must be at least 1024");
    }

    /** 64 requests in flight, Retry-After 1 s, 3 transaction attempts, bodies up to 64 KiB, an outbox table. */
    public static IntakeSettings defaults() {
        return new IntakeSettings(64, Duration.ofSeconds(1), 3, 64 * 1024, OutboxMode.TABLE);
    }

    public IntakeSettings withMaxInFlight(int value) {
        return new IntakeSettings(value, retryAfter, maxTransactionAttempts, maxBodyBytes, outboxMode);
    }

    public IntakeSettings withRetryAfter(Duration value) {
        return new IntakeSettings(maxInFlight, value, maxTransactionAttempts, maxBodyBytes, outboxMode);
    }

    public IntakeSettings withMaxTransactionAttempts(int value) {
        return new IntakeSettings(maxInFlight, retryAfter, value, maxBodyBytes, outboxMode);
    }

    public IntakeSettings withMaxBodyBytes(int value) {
        return new IntakeSettings(maxInFlight, retryAfter, maxTransactionAttempts, value, outboxMode);
    }

    public IntakeSettings withOutboxMode(OutboxMode value) {
        return new IntakeSettings(maxInFlight, retryAfter, maxTransactionAttempts, maxBodyBytes, value);
    }

    /** The {@code Retry-After} header value. */
    String retryAfterHeader() {
        return Long.toString(retryAfter.toSeconds());
    }

    private static void require(boolean valid, Object value, String name, String reason) {
        if (!valid) {
            throw new IllegalArgumentException("Invalid value " + value + " for configuration " + name + ": "
                    + reason);
        }
    }
}
