package dev.orderflow.dlq.domain;

/** What an operator did; each mutating command writes one audit entry per record or command it affected. */
public enum AuditAction {
    REPLAY, DISCARD, RESOLVE_PAYMENT, RETRY_SHIPPING, CANCEL_ORDER;

    /** Whether the action resolves the dead letter it targets (and so sets its status). */
    public RecordStatus resolvesAs() {
        return switch (this) {
            case REPLAY -> RecordStatus.REPLAYED;
            case DISCARD -> RecordStatus.DISCARDED;
            default -> null;
        };
    }
}
