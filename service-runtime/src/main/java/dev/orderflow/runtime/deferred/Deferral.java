package dev.orderflow.runtime.deferred;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Work a handler asks to be done later for an order: a status re-check, a deferred retry, a follow-up. One pending
 * deferral per order and kind: scheduling the same kind again replaces it (and counts an attempt).
 *
 * @param payload  what the handler needs to do the work (its own format, e.g. JSON), or null
 * @param deadline after it the handler escalates instead of trying again
 */
public record Deferral(String kind, byte[] payload, Instant dueAt, Instant deadline) {

    public Deferral {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(deadline, "deadline");
        if (kind.isBlank() || kind.startsWith(DeferredAction.PARKED_EVENT_PREFIX)) {
            throw new IllegalArgumentException("invalid deferral kind '" + kind + "'");
        }
    }

    public static Deferral of(String kind, String payload, Instant dueAt, Instant deadline) {
        return new Deferral(kind, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), dueAt, deadline);
    }
}
