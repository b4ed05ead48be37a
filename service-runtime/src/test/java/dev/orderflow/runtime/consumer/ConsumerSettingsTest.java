package dev.orderflow.runtime.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.runtime.outbox.OutboxMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {

    private static Map<String, Object> valid() {
        Map<String, Object> values = new HashMap<>();
        values.put("consumer.name", "payment-consumer");
        values.put("bootstrap.servers", "localhost:9092");
        values.put("input.topics", "order.inventory,order.commands");
        values.put("registry.url", "http://localhost:8081/apis/registry/v2");
        return values;
    }

    @Test
    void derivesTopicsAndPassesClientSettingsThrough() {
        Map<String, Object> values = valid();
        values.put("kafka.consumer.session.timeout.ms", "10000");
        ConsumerSettings settings = new ConsumerSettings(values);
        assertThat(settings.deadLetterTopic()).isEqualTo("payment-consumer.dlq");
        assertThat(settings.replayTopic()).isEqualTo("payment-consumer.replay");
        assertThat(settings.inputTopics()).containsExactly("order.inventory", "order.commands");
        assertThat(settings.duration(ConsumerSettings.PARKING_DEADLINE)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.clientOverrides(ConsumerSettings.KAFKA_CONSUMER_PREFIX))
                .containsEntry("session.timeout.ms", "10000");
    }

    @Test
    void fetchesWaitForABatchUnlessTheClientSettingsSayOtherwise() {
        Map<String, Object> defaults = EventConsumer.consumerConfig(new ConsumerSettings(valid()), 1);
        Map<String, Object> overridden = valid();
        overridden.put("kafka.consumer.fetch.max.wait.ms", "10");

        assertThat(defaults).containsEntry("fetch.min.bytes", 65536).containsEntry("fetch.max.wait.ms", 100)
                .containsEntry("enable.auto.commit", false);
        assertThat(EventConsumer.consumerConfig(new ConsumerSettings(overridden), 1))
                .containsEntry("fetch.max.wait.ms", "10").containsEntry("fetch.min.bytes", 65536);
    }

    @Test
    void eachLoopIsItsOwnMemberOfTheOneGroup() {
        ConsumerSettings settings = new ConsumerSettings(valid());

        assertThat(settings.getInt(ConsumerSettings.LOOP_THREADS)).isEqualTo(2);
        assertThat(EventConsumer.consumerConfig(settings, 2)).containsEntry("group.id", "payment-consumer")
                .containsEntry("client.id", "payment-consumer-consumer-2");
        Map<String, Object> none = valid();
        none.put("loop.threads", "0");
        assertThatThrownBy(() -> new ConsumerSettings(none)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("loop.threads");
    }

    @Test
    void unknownMissingAndGuaranteeBreakingKeysStopStartUp() {
        Map<String, Object> unknown = valid();
        unknown.put("worker.thread", "4");
        assertThatThrownBy(() -> new ConsumerSettings(unknown)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("worker.thread");

        Map<String, Object> missing = valid();
        missing.remove("registry.url");
        assertThatThrownBy(() -> new ConsumerSettings(missing)).hasMessageContaining("registry.url");

        Map<String, Object> autoCommit = valid();
        autoCommit.put("kafka.consumer.enable.auto.commit", "true");
        assertThatThrownBy(() -> new ConsumerSettings(autoCommit)).hasMessageContaining("kafka.consumer.enable.auto.commit");

        Map<String, Object> badDuration = valid();
        badDuration.put("parking.schedule", "1s,later");
        assertThatThrownBy(() -> new ConsumerSettings(badDuration)).hasMessageContaining("parking.schedule");
    }

    @Test
    void theOutboxIsATableUnlessMessagesAreChosen() {
        assertThat(new ConsumerSettings(valid()).outboxMode()).isEqualTo(OutboxMode.TABLE);
        Map<String, Object> message = valid();
        message.put("outbox.write", "Message");
        assertThat(new ConsumerSettings(message).outboxMode()).isEqualTo(OutboxMode.MESSAGE);

        Map<String, Object> bad = valid();
        bad.put("outbox.write", "kafka");
        assertThatThrownBy(() -> new ConsumerSettings(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("outbox.write").hasMessageContaining("kafka");
    }
}
