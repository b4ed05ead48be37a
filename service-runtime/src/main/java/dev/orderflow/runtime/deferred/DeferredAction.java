package dev.orderflow.runtime.deferred;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored deferral that has come due, as the runtime hands it back to the stage handler; or an event parked by the
 * runtime after a retryable failure (kind {@code event/<eventId>}), which the runtime re-delivers itself.
 *
 * @param attempts how many times this action was scheduled (1 the first time it comes due); handlers take the next
 *                 delay of their schedule from it
 */
public record DeferredAction(UUID id, long seq, String orderId, int partition, String kind, byte[] payload,
        String source, int attempts, Instant nextAttemptAt, Instant deadline, Instant createdAt) {

    public static final String PARKED_EVENT_PREFIX = "event/";

    public boolean isParkedEvent() {
        return kind.startsWith(PARKED_EVENT_PREFIX);
    }

    public String payloadText() {
        return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
    }

    public boolean pastDeadline(Instant now) {
        return !now.isBefore(deadline);
    }
}
