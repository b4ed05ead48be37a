package dev.orderflow.sandbox.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers the result of each idempotency key: the same key with the same request fingerprint returns the first
 * result without running the work again; the same key with another fingerprint is a conflict. With a retention
 * window, a key is forgotten once the window has passed and the next use runs the work again, as payment gateways
 * do; that is the hazard a client must guard against with a status query before it retries late. A fingerprint is
 * kept as its {@link Digest}, since it is only ever compared.
 *
 * @param <R> the stored result
 */
public final class IdempotencyStore<R> {

    private final Clock clock;
    private final Optional<Duration> retention;
    /** Insertion order is recording order, so expired keys are always at the head. */
    private final LinkedHashMap<String, Entry<R>> entries = new LinkedHashMap<>();

    private IdempotencyStore(Clock clock, Optional<Duration> retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        retention.ifPresent(window -> {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("Invalid value " + window
                        + " for idempotency key retention: must be positive");
            }
        });
        this.retention = retention;
    }

    /** A store that keeps every key for its lifetime. */
    public static <R> IdempotencyStore<R> keepingForever(Clock clock) {
        return new IdempotencyStore<>(clock, Optional.empty());
    }

    /** A store that forgets a key {@code window} after it was first recorded. */
    public static <R> IdempotencyStore<R> expiringAfter(Clock clock, Duration window) {
        return new IdempotencyStore<>(clock, Optional.of(window));
    }

    /**
     * Runs {@code work} once per live key and remembers its result.
     *
     * @throws IdempotencyConflictException if the key is live with a different fingerprint; nothing runs
     */
    public synchronized Execution<R> execute(String key, String fingerprint, Supplier<R> work) {
        forgetExpired();
        Entry<R> known = entries.get(key);
        Digest digest = Digest.of(fingerprint);
        if (known != null) {
            if (!known.fingerprint.equals(digest)) {
                throw new IdempotencyConflictException(key);
            }
            return new Execution<>(known.result, true);
        }
        R result = work.get();
        entries.put(key, new Entry<>(digest, result, clock.instant()));
        return new Execution<>(result, false);
    }

    /** The remembered result of a live key. */
    public synchronized Optional<R> find(String key) {
        forgetExpired();
        return Optional.ofNullable(entries.get(key)).map(entry -> entry.result);
    }

    public synchronized int size() {
        forgetExpired();
        return entries.size();
    }

    private void forgetExpired() {
        if (retention.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Iterator<Entry<R>> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            if (now.isBefore(oldestFirst.next().recordedAt.plus(retention.get()))) {
                return;
            }
            oldestFirst.remove();
        }
    }

    /**
     * @param result   the (first) result of the key
     * @param replayed true when the work did not run because the key was known
     */
    public record Execution<R>(R result, boolean replayed) {
    }

    private record Entry<R>(Digest fingerprint, R result, Instant recordedAt) {
    }

    @Override
    public String toString() {
        return "IdempotencyStore[retention=" + retention.map(Duration::toString).orElse("forever") + "]";
    }

    /** For callers that want to see the retention, e.g. in a start-up table. */
    public Optional<Duration> retention() {
        return retention;
    }
}
