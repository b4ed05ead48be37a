package dev.orderflow.dlq.domain;

/**
 * Where a dead letter stands (DESIGN.md invariant 5): still open in its DLQ, replayed, or discarded with a
 * recorded reason. Kafka topics are append-only, so the status is not stored on the record; it is derived from the
 * audit log by {@link StatusBook}.
 */
public enum RecordStatus {
    OPEN, REPLAYED, DISCARDED
}
