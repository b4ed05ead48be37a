package dev.orderflow.sandbox.outcome;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What was executed under each idempotency key, kept for status queries: the latest outcome and how many times the
 * work ran. Unlike the idempotency store it never forgets: a gateway still answers "what happened to key K" after K
 * stopped protecting against a repeat. Earlier outcomes are not kept, since no query asks for them.
 * Not thread-safe; the owning provider guards it.
 *
 * @param <T> what a successful execution refers to (a resource id)
 */
public final class KeyHistory<T> {

    private final Map<String, Executions<T>> byKey = new HashMap<>();

    public void record(String key, Outcome<T> outcome) {
        byKey.merge(key, new Executions<>(outcome, 1),
                (known, next) -> new Executions<>(next.latest, known.count + 1));
    }

    public Optional<Outcome<T>> latest(String key) {
        return Optional.ofNullable(byKey.get(key)).map(Executions::latest);
    }

    public int executions(String key) {
        Executions<T> executions = byKey.get(key);
        return executions == null ? 0 : executions.count;
    }

    private record Executions<T>(Outcome<T> latest, int count) {
    }
}
