package dev.orderflow.dlq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    private final AuditEntry replay = new AuditEntry("1", Samples.T0, "alice", AuditAction.REPLAY, "why", "o-1", "j",
            new RecordRef("payment-consumer.dlq", 0, 1), "payment-consumer.replay", "ev-1", Map.of());
    private final AuditEntry cancel = new AuditEntry("2", Samples.T0.plusSeconds(60), "bob", AuditAction.CANCEL_ORDER,
            "why", "o-2", "c", null, "order.commands", "c", Map.of());

    @Test
    void filtersByOperatorActionOrderTopicAndTime() {
        assertThat(new AuditFilter("alice", null, null, null, null).matches(replay)).isTrue();
        assertThat(new AuditFilter("alice", null, null, null, null).matches(cancel)).isFalse();
        assertThat(new AuditFilter(null, Set.of(AuditAction.CANCEL_ORDER), null, null, null).matches(cancel)).isTrue();
        assertThat(new AuditFilter(null, null, "o-1", null, null).matches(cancel)).isFalse();
        assertThat(new AuditFilter(null, null, null, "payment-consumer.dlq", null).matches(replay)).isTrue();
        assertThat(new AuditFilter(null, null, null, "payment-consumer.dlq", null).matches(cancel)).isFalse();
        TimeWindow later = new TimeWindow(Samples.T0.plusSeconds(30), null);
        assertThat(new AuditFilter(null, null, null, null, later).matches(replay)).isFalse();
        assertThat(new AuditFilter(null, null, null, null, later).matches(cancel)).isTrue();
    }
}
