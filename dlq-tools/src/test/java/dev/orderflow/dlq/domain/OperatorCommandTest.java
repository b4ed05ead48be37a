package dev.orderflow.dlq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorCommandTest {

    @Test
    void saysWhatWillHappen() {
        assertThat(command(AuditAction.RESOLVE_PAYMENT, Map.of("outcome", "AUTHORIZED", "reference", "A-1")).effect())
                .contains("AUTHORIZED").contains("A-1").contains("shipping starts");
        assertThat(command(AuditAction.RESOLVE_PAYMENT, Map.of("outcome", "FAILED", "reference", "A-1")).effect())
                .contains("compensation").contains("No refund");
        assertThat(command(AuditAction.CANCEL_ORDER, Map.of("compensate", "false")).effect())
                .contains("WITHOUT compensation");
        assertThat(command(AuditAction.RETRY_SHIPPING, Map.of()).effect()).contains("fulfillment");
    }

    @Test
    void nothingWithoutAReason() {
        assertThatThrownBy(() -> new OperatorCommand(AuditAction.RETRY_SHIPPING, "o-1", "c-1", "alice", " ",
                Samples.T0, Map.of())).hasMessageContaining("--reason");
        assertThatThrownBy(() -> new OperatorCommand(AuditAction.REPLAY, "o-1", "c-1", "alice", "x",
                Samples.T0, Map.of())).hasMessageContaining("not an order command");
    }

    private static OperatorCommand command(AuditAction action, Map<String, String> details) {
        return new OperatorCommand(action, "o-1", "c-1", "alice", "checked", Samples.T0, details);
    }
}
