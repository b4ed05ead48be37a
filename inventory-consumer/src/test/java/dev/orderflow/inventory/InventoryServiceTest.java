package dev.orderflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.policy.StagePolicy;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.service.StageServiceCommand;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the service declares to the runtime: valid policy defaults, its topics, and a command line that fails clearly. */
class InventoryServiceTest {

    private final InventoryService service = new InventoryService();

    @Test
    void itsPolicyDefaultsAreValidAndOverridable() {
        StagePolicy policy = StagePolicyConfig.load(service.stage(), Map.of(), service.policyDefaults());
        assertThat(policy.escalationDeadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.attemptTimeout()).isEqualTo(Duration.ofSeconds(1));

        StagePolicy tuned = StagePolicyConfig.load(service.stage(),
                Map.of("policy.inventory.escalation.deadline", "5m"), service.policyDefaults());
        assertThat(tuned.escalationDeadline()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void itReadsOrdersFirstThenPaymentShippingAndCommands() {
        assertThat(service.name()).isEqualTo("inventory-consumer");
        assertThat(service.defaultInputTopics()).containsExactly(OrderTopics.ORDERS, OrderTopics.PAYMENT,
                OrderTopics.SHIPPING, OrderTopics.COMMANDS);
        assertThat(service.migrationLocation()).as("the runtime's tables suffice").isNull();
    }

    @Test
    void aMissingSettingStopsStartUpWithExitCodeTwo() {
        assertThat(StageServiceCommand.run(service, "--set", "jdbc.url=jdbc:postgresql://localhost/x")).isEqualTo(2);
    }
}
