package dev.orderflow.dlq.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The status of every dead letter, derived from the audit log: a record with no resolving entry is
 * {@link RecordStatus#OPEN}; the first {@code REPLAY} or {@code DISCARD} entry for it decides. Later entries for the
 * same record (a forced second replay) are kept in the log but do not change the first resolution.
 */
public final class StatusBook {

    private final Map<RecordRef, AuditEntry> resolutions;

    private StatusBook(Map<RecordRef, AuditEntry> resolutions) {
        this.resolutions = resolutions;
    }

    public static StatusBook empty() {
        return new StatusBook(Map.of());
    }

    /** Derives statuses from audit entries in log order. */
    public static StatusBook of(Iterable<AuditEntry> entries) {
        Map<RecordRef, AuditEntry> resolutions = new HashMap<>();
        for (AuditEntry entry : entries) {
            if (entry.target() != null && entry.action().resolvesAs() != null) {
                resolutions.putIfAbsent(entry.target(), entry);
            }
        }
        return new StatusBook(Map.copyOf(resolutions));
    }

    public RecordStatus status(RecordRef ref) {
        AuditEntry entry = resolutions.get(ref);
        return entry == null ? RecordStatus.OPEN : entry.action().resolvesAs();
    }

    /** The audit entry that resolved the record, if any. */
    public Optional<AuditEntry> resolution(RecordRef ref) {
        return Optional.ofNullable(resolutions.get(ref));
    }
}
