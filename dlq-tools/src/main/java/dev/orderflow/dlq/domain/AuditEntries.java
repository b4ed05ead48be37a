package dev.orderflow.dlq.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds the audit entries of the tool's actions, so every command records the same facts the same way. */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static AuditEntry replay(ReplayItem item, ReplayRequest request) {
        DeadLetter source = item.source();
        return new AuditEntry(UUID.randomUUID().toString(), request.at(), request.operator(), AuditAction.REPLAY,
                request.reason(), source.keyText().orElse(null), request.jobId(), source.ref(), item.destination(),
                source.eventId().orElse(null), Map.of("replayCount", Integer.toString(item.replayCount())));
    }

    public static AuditEntry discard(DeadLetter record, String operator, String reason, Instant at, String jobId) {
        Map<String, String> details = new LinkedHashMap<>();
        record.exceptionClass().ifPresent(c -> details.put("exceptionClass", c));
        record.category().ifPresent(c -> details.put("category", c));
        return new AuditEntry(UUID.randomUUID().toString(), at, operator, AuditAction.DISCARD, reason,
                record.keyText().orElse(null), jobId, record.ref(), null, record.eventId().orElse(null), details);
    }

    public static AuditEntry command(OperatorCommand command, String destination) {
        return new AuditEntry(UUID.randomUUID().toString(), command.at(), command.operator(), command.action(),
                command.reason(), command.orderId(), command.commandId(), null, destination, command.commandId(),
                command.details());
    }
}
