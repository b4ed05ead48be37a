package dev.orderflow.dlq.domain;

/** A dead letter together with its derived status and the audit entry that resolved it, if any. */
public record Selected(DeadLetter record, RecordStatus status, AuditEntry resolution) {
}
