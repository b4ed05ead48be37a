package dev.orderflow.dlq.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class OpsConfigTest {

    @Test
    void environmentOverridesNothingButDefaultsAndFlagsOverrideTheEnvironment() {
        Map<String, String> settings = OpsSettings.load(null, Map.of(
                "ORDERFLOW_OPS_BOOTSTRAP_SERVERS", "env:9092",
                "ORDERFLOW_OPS_CLIENT_SECURITY_PROTOCOL", "SASL_SSL",
                "ORDERFLOW_OPS_CLIENT_SASL_JAAS_CONFIG", "secret stuff",
                "OTHER", "x"), Map.of("bootstrap.servers", "flag:9092"));
        OpsConfig config = new OpsConfig(settings);

        assertThat(config.bootstrapServers()).containsExactly("flag:9092");
        assertThat(config.clientOverrides()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.describe()).containsEntry("client.sasl.jaas.config", "********");
        assertThat(config.auditTopic()).isEqualTo("orderflow.audit");
        assertThat(config.timeout().toMillis()).isEqualTo(5000);
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> new OpsConfig(Map.of("bootstrap.servers", "no-port")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bootstrap.servers")
                .hasMessageContaining("host:port");
        assertThatThrownBy(() -> new OpsConfig(Map.of("timeout.ms", "10")))
                .hasMessageContaining("timeout.ms");
        assertThatThrownBy(() -> new OpsConfig(Map.of("order.api.url", "ftp://x")))
                .hasMessageContaining("order.api.url");
    }

    @Test
    void orderApiUrlLosesTrailingSlashes() {
        assertThat(new OpsConfig(Map.of("order.api.url", "http://h:8080/")).orderApiUrl()).isEqualTo("http://h:8080");
    }
}
