package dev.orderflow.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;

/** Every key goes to the one group that validates it; what nobody defines ends with the consumer, which refuses it. */
class ServiceSettingsTest {

    private static final ConfigDef STAGE_KEYS = new ConfigDef()
            .define("fulfillment.feed.enabled", Type.BOOLEAN, false, Importance.LOW, "a stage's own key");

    @Test
    void keysAreSplitBetweenTheServiceTheStageThePolicyAndTheConsumer() {
        ServiceSettings.Split split = ServiceSettings.split(Map.of(
                ServiceSettings.JDBC_URL, "jdbc:postgresql://db/x",
                "fulfillment.feed.enabled", "true",
                "policy.shipping.attempt.timeout", "1s",
                "max.poll.records", "100",
                "no.such.key", "1"), STAGE_KEYS);

        assertThat(split.service()).containsOnlyKeys(ServiceSettings.JDBC_URL);
        assertThat(split.stage()).containsOnlyKeys("fulfillment.feed.enabled");
        assertThat(split.policy()).containsOnlyKeys("policy.shipping.attempt.timeout");
        assertThat(split.consumer()).containsOnlyKeys("max.poll.records", "no.such.key");
    }

    @Test
    void aStageKeyOfAnotherServiceIsNotThisOnesAndReachesTheConsumer() {
        ServiceSettings.Split split = ServiceSettings.split(Map.of("fulfillment.feed.enabled", "true"),
                new ConfigDef());
        assertThat(split.stage()).isEmpty();
        assertThat(split.consumer()).containsOnlyKeys("fulfillment.feed.enabled");
    }
}
