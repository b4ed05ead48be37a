package dev.orderflow.sandbox.outcome;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every execution ever made under each idempotency key, kept for status queries. Unlike the idempotency store it
 * never forgets: a gateway still answers "what happened to key K" after K stopped protecting against a repeat.
 * Not thread-safe; the owning provider guards it.
 *
 * @param <T> what a successful execution refers to (a resource id)
 */
public final class KeyHistory<T> {

    private final Map<String, List<Outcome<T>>> byKey = new HashMap<>();

    public void record(String key, Outcome<T> outcome) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(outcome);
    }

    public Optional<Outcome<T>> latest(String key) {
        List<Outcome<T>> outcomes = byKey.get(key);
        return outcomes == null ? Optional.empty() : Optional.of(outcomes.get(outcomes.size() - 1));
    }

    public int executions(String key) {
        return byKey.getOrDefault(key, List.of()).size();
    }
}
