package dev.orderflow.dlq.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One record of the audit log: who did what, when and why.
 *
 * @param id          unique id of the entry
 * @param at          when the action was taken
 * @param operator    who took it
 * @param action      what was done
 * @param reason      why; never blank
 * @param orderId     the order concerned, when known
 * @param jobId       groups the entries of one command run (one replay of 40 records is one job)
 * @param target      the dead letter acted on, for {@code REPLAY} and {@code DISCARD}; otherwise {@code null}
 * @param destination where something was sent (replay topic, commands topic), or {@code null}
 * @param commandId   the event id of a replayed record or of an operator command, or {@code null}
 * @param details     further facts (outcome, provider reference, compensate flag, replay count)
 */
public record AuditEntry(String id, Instant at, String operator, AuditAction action, String reason, String orderId,
                         String jobId, RecordRef target, String destination, String commandId,
                         Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
