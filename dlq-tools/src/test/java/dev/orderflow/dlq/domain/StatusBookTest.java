package dev.orderflow.dlq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusBookTest {

    private final RecordRef a = new RecordRef("payment-consumer.dlq", 0, 1);
    private final RecordRef b = new RecordRef("payment-consumer.dlq", 0, 2);
    private final RecordRef c = new RecordRef("payment-consumer.dlq", 1, 1);

    @Test
    void derivesOpenReplayedDiscardedFromTheAuditLog() {
        StatusBook book = StatusBook.of(List.of(entry(AuditAction.REPLAY, a, "r1"), entry(AuditAction.DISCARD, b, "d1"),
                entry(AuditAction.RESOLVE_PAYMENT, null, "cmd")));

        assertThat(book.status(a)).isEqualTo(RecordStatus.REPLAYED);
        assertThat(book.status(b)).isEqualTo(RecordStatus.DISCARDED);
        assertThat(book.status(c)).isEqualTo(RecordStatus.OPEN);
        assertThat(book.resolution(b)).get().extracting(AuditEntry::reason).isEqualTo("d1");
    }

    @Test
    void theFirstResolutionWins() {
        StatusBook book = StatusBook.of(List.of(entry(AuditAction.DISCARD, a, "first"),
                entry(AuditAction.REPLAY, a, "second")));

        assertThat(book.status(a)).isEqualTo(RecordStatus.DISCARDED);
        assertThat(book.resolution(a)).get().extracting(AuditEntry::reason).isEqualTo("first");
    }

    private static AuditEntry entry(AuditAction action, RecordRef target, String reason) {
        return new AuditEntry("id-" + reason, Samples.T0, "alice", action, reason, "o-1", "job", target, null, null,
                Map.of());
    }
}
