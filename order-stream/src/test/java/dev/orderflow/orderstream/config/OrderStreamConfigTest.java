package dev.orderflow.orderstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.topology.BoundedRocksDbConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

class OrderStreamConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("bootstrap.servers", "kafka:9092");
        m.put("registry.url", "http://registry:8080/apis/registry/v2");
        return m;
    }

    private static OrderStreamConfig with(String key, String value) {
        Map<String, String> m = minimal();
        m.put(key, value);
        return new OrderStreamConfig(m);
    }

    @Test
    void defaultsFollowTheTopicContract() {
        OrderStreamConfig config = new OrderStreamConfig(minimal());

        assertThat(config.inputTopics()).containsExactly("orders", "order.inventory", "order.payment",
                "order.shipping", "order.commands");
        assertThat(config.stateTopic()).isEqualTo("order.state");
        assertThat(config.exceptionsTopic()).isEqualTo("order.exceptions");
        assertThat(config.deadLetterTopic()).isEqualTo("order-stream.dlq");
        assertThat(config.escalationPolicy().deadlineOf(OrderState.PAYMENT_PENDING)).contains(Duration.ofMinutes(15));
        assertThat(config.escalationPolicy().deadlineOf(OrderState.FULFILLING)).contains(Duration.ofHours(48));
    }

    @Test
    void streamsPropertiesFixExactlyOnceAndTheHandlers() {
        OrderStreamConfig config = with("streams.num.standby.replicas", "1");

        Properties props = config.streamsProperties("host-a:8084");

        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "host-a:8084")
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "order-stream.dlq")
                .containsEntry("num.standby.replicas", "1")
                .containsKeys(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG);
    }

    @Test
    void theCommitIntervalIsASecondUnlessOverridden() {
        assertThat(with("streams.num.standby.replicas", "0").streamsProperties(""))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
        assertThat(with("streams.commit.interval.ms", "100").streamsProperties(""))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    }

    @Test
    void rocksDbStoresShareTheInstancesBoundedMemory() {
        OrderStreamConfig rocksDb = with("state.store.memory.mb", "96");
        assertThat(rocksDb.streamsProperties("")).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                BoundedRocksDbConfig.class.getName());
        assertThat(rocksDb.stateStoreMemoryBytes()).isEqualTo(96L * 1024 * 1024);
        assertThat(new OrderStreamConfig(minimal()).stateStoreMemoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(with("state.store.type", "in_memory").streamsProperties(""))
                .doesNotContainKey(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG);
        String own = OwnRocksDbSetter.class.getName();
        assertThat(with("streams.rocksdb.config.setter", own).streamsProperties(""))
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, own);
        assertThatThrownBy(() -> with("state.store.memory.mb", "4")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("state.store.memory.mb");
    }

    @Test
    void deadlinesAreSetPerStateOrTurnedOff() {
        Map<String, String> m = minimal();
        m.put("escalation.deadline.PAYMENT_PENDING", "PT5M");
        m.put("escalation.deadline.fulfilling", "off");
        m.put("escalation.deadline.BLOCKED", "PT24H");
        OrderStreamConfig config = new OrderStreamConfig(m);

        assertThat(config.escalationPolicy().deadlineOf(OrderState.PAYMENT_PENDING)).contains(Duration.ofMinutes(5));
        assertThat(config.escalationPolicy().deadlineOf(OrderState.FULFILLING)).isEmpty();
        assertThat(config.escalationPolicy().deadlineOf(OrderState.BLOCKED)).contains(Duration.ofHours(24));
    }

    @Test
    void badKeysAndValuesNameTheKey() {
        assertThatThrownBy(() -> with("htp.port", "1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("htp.port").hasMessageContaining("unknown key");
        assertThatThrownBy(() -> with("http.port", "70000")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> with("escalation.deadline.PAYMENT_PENDING", "15 minutes"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("escalation.deadline.PAYMENT_PENDING");
        assertThatThrownBy(() -> with("escalation.deadline.DELIVERED", "PT1M"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("escalation.deadline.DELIVERED");
        assertThatThrownBy(() -> with("escalation.deadline.NOPE", "PT1M"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NOPE");
        assertThatThrownBy(() -> with("streams.processing.guarantee", "at_least_once"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("streams.processing.guarantee");
        assertThatThrownBy(() -> with("streams.num.stream.threads", "many")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("num.stream.threads");
        assertThatThrownBy(() -> with("application.server", "no-port")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("application.server");
        assertThatThrownBy(() -> with("registry.url", "registry:8080")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("registry.url");
        assertThatThrownBy(() -> new OrderStreamConfig(Map.of("registry.url", "http://r")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bootstrap.servers");
    }

    @Test
    void theDescriptionMasksSecrets() {
        Map<String, String> m = minimal();
        m.put("registry.url", "https://svc:s3cret@registry:8080/apis/registry/v2");
        m.put("streams.producer.sasl.jaas.config", "secret stuff");

        Map<String, String> described = new OrderStreamConfig(m).describe();

        assertThat(described.get("registry.url")).isEqualTo("https://****@registry:8080/apis/registry/v2");
        assertThat(described.get("streams.producer.sasl.jaas.config")).isEqualTo("********");
        assertThat(described).containsEntry("escalation.deadline.PAYMENT_PENDING", "PT15M");
    }

    @Test
    void environmentVariablesMapToKeysKeepingStateNames() {
        Map<String, String> settings = OrderStreamSettings.load(null, Map.of(
                "ORDERFLOW_STREAM_HTTP_PORT", "9000",
                "ORDERFLOW_STREAM_ESCALATION_DEADLINE_PAYMENT_PENDING", "PT1M",
                "OTHER", "x"), Map.of("http.port", "9001"));

        assertThat(settings).containsEntry("http.port", "9001")
                .containsEntry("escalation.deadline.PAYMENT_PENDING", "PT1M")
                .doesNotContainKey("other");
    }

    /** A deployment's own RocksDB settings, which replace the bounded shared memory. */
    public static final class OwnRocksDbSetter implements RocksDBConfigSetter {
        @Override
        public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        }

        @Override
        public void close(String storeName, Options options) {
        }
    }
}
