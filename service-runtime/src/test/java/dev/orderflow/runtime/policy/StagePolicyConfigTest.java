package dev.orderflow.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StagePolicyConfigTest {

    @Test
    void serviceDefaultsAreOverriddenKeyByKey() {
        StagePolicy policy = StagePolicyConfig.load("payment",
                Map.of("policy.payment.max.quick.retries", "1", "policy.payment.status.query.schedule", "5s,1m",
                        "policy.inventory.max.quick.retries", "9"),
                Map.of("escalation.deadline", "15m", "attempt.timeout", "3s"));
        assertThat(policy.maxQuickRetries()).isEqualTo(1);
        assertThat(policy.attemptTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.escalationDeadline()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.statusQuerySchedule()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(1));
        assertThat(policy.statusQueryDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.statusQueryDelay(7)).as("last delay repeats").isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.retryBudgetRatio()).isEqualTo(0.1);
    }

    @Test
    void aBadValueNamesItsKey() {
        assertThatThrownBy(() -> StagePolicyConfig.load("payment", Map.of("policy.payment.attempt.timeout", "soon"),
                Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("policy.payment.attempt.timeout")
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> StagePolicyConfig.load("payment", Map.of("policy.payment.max.quick.retries", "-1"),
                Map.of()))
                .hasMessageContaining("policy.payment.max.quick.retries");
        assertThatThrownBy(() -> StagePolicyConfig.load("payment", Map.of("policy.payment.deferral.schedule", "1s,0s"),
                Map.of()))
                .hasMessageContaining("policy.payment.deferral.schedule");
        assertThatThrownBy(() -> StagePolicyConfig.load("payment",
                Map.of("policy.payment.backoff.initial", "2s", "policy.payment.backoff.max", "1s"), Map.of()))
                .hasMessageContaining("policy.payment.backoff.max");
    }

    @Test
    void aMisspeltKeyIsNotIgnored() {
        assertThatThrownBy(() -> StagePolicyConfig.load("payment", Map.of("policy.payment.max.retries", "3"), Map.of()))
                .hasMessageContaining("policy.payment.max.retries").hasMessageContaining("unknown policy key");
    }

    @Test
    void theTableShowsEveryStage() {
        StagePolicy inventory = StagePolicyConfig.load("inventory", Map.of(), Map.of());
        StagePolicy payment = StagePolicyConfig.load("payment", Map.of(), Map.of("escalation.deadline", "15m"));
        String table = StagePolicyTable.render(List.of(inventory, payment));
        assertThat(table.lines()).hasSize(3);
        assertThat(table).contains("inventory").contains("payment").contains("2s,10s,30s,1m").contains("10%+1/s");
    }
}
