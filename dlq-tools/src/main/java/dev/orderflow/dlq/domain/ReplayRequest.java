package dev.orderflow.dlq.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the operator asked for when replaying.
 *
 * @param operator    who replays
 * @param reason      why; never blank
 * @param at          when the replay is planned (stamped into the provenance headers)
 * @param jobId       id of this replay run, recorded in the audit log
 * @param destination the replay topic the operator named, or {@code null} to take it from each record's origin
 * @param maxReplays  replay-count guard: a record already replayed this many times is refused
 * @param limit       replay at most this many records (the oldest first); the rest stay open for a later run
 */
public record ReplayRequest(String operator, String reason, Instant at, String jobId, String destination,
                            int maxReplays, int limit) {

    public ReplayRequest {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(jobId, "jobId");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        if (maxReplays < 1 || limit < 1) {
            throw new IllegalArgumentException("maxReplays and limit must be at least 1");
        }
    }
}
