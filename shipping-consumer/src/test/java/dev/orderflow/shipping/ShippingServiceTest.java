package dev.orderflow.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.runtime.kafka.OrderTopics;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import dev.orderflow.runtime.policy.StagePolicy;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.service.StageServiceCommand;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the service declares to the runtime: valid policy defaults, its topics, and a command line that fails clearly. */
class ShippingServiceTest {

    private final ShippingService service = new ShippingService();

    @Test
    void itsPolicyDefaultsAreValidAndOverridable() {
        StagePolicy policy = StagePolicyConfig.load(service.stage(), Map.of(), service.policyDefaults());
        assertThat(policy.escalationDeadline()).isEqualTo(Duration.ofHours(4));
        assertThat(policy.attemptTimeout()).isEqualTo(Duration.ofSeconds(2));

        StagePolicy tuned = StagePolicyConfig.load(service.stage(),
                Map.of("policy.shipping.escalation.deadline", "5m"), service.policyDefaults());
        assertThat(tuned.escalationDeadline()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void itReadsOrdersFirstThenPaymentCommandsAndTheFulfillmentFeed() {
        assertThat(service.name()).isEqualTo("shipping-consumer");
        assertThat(service.defaultInputTopics()).containsExactly(OrderTopics.ORDERS, OrderTopics.PAYMENT,
                OrderTopics.COMMANDS, OrderTopics.FULFILLMENT_FEED);
        assertThat(service.migrationLocation()).as("the feed cursor's table")
                .isEqualTo("classpath:db/migration/shipping-consumer");
    }

    @Test
    void shipmentsArePolledByDefaultAndABadFeedSettingNamesItsKey() {
        TrackingSettings defaults = new TrackingSettings(new AbstractConfig(service.settingsDefinition(), Map.of()));
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.pollSchedule()).as("fulfillment moves in minutes, not at once").containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(defaults.topic()).isEqualTo(OrderTopics.FULFILLMENT_FEED);
        assertThat(defaults.safetyCheckInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.startsAtLatest()).as("a first start reads the whole history").isFalse();
        assertThat(new TrackingSettings(new AbstractConfig(service.settingsDefinition(),
                Map.of(TrackingSettings.START_POSITION, "latest"))).startsAtLatest()).isTrue();
        assertThatThrownBy(() -> new AbstractConfig(service.settingsDefinition(),
                Map.of(TrackingSettings.START_POSITION, "now"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(TrackingSettings.START_POSITION);
        assertThatThrownBy(() -> new AbstractConfig(service.settingsDefinition(),
                Map.of(TrackingSettings.PAGE_SIZE, "5000"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(TrackingSettings.PAGE_SIZE);
        assertThatThrownBy(() -> new AbstractConfig(service.settingsDefinition(),
                Map.of(TrackingSettings.POLL_INTERVAL, "soon"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(TrackingSettings.POLL_INTERVAL);
    }

    @Test
    void aMissingSettingStopsStartUpWithExitCodeTwo() {
        assertThat(StageServiceCommand.run(service, "--set", "jdbc.url=jdbc:postgresql://localhost/x")).isEqualTo(2);
    }
}
