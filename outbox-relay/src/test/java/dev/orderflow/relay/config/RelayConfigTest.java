package dev.orderflow.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RelayConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", "localhost:9092");
        s.put("sources", "inventory,payment");
        s.put("source.inventory.jdbc.url", "jdbc:postgresql://db1:5433/inventory");
        s.put("source.inventory.user", "relay");
        s.put("source.payment.jdbc.url", "jdbc:postgresql://db2/payment?sslmode=require");
        s.put("source.payment.user", "relay");
        s.put("source.payment.password", "s3cret");
        return s;
    }

    @Test
    void readsSourcesWithTheirDefaults() {
        RelayConfig config = new RelayConfig(valid());
        assertThat(config.sources()).extracting(SourceConfig::name).containsExactly("inventory", "payment");
        SourceConfig inventory = config.sources().get(0);
        assertThat(inventory.host()).isEqualTo("db1");
        assertThat(inventory.port()).isEqualTo(5433);
        assertThat(inventory.database()).isEqualTo("inventory");
        assertThat(inventory.slot()).isEqualTo("orderflow_outbox_inventory");
        assertThat(inventory.publication()).isEqualTo("orderflow_outbox");
        SourceConfig payment = config.sources().get(1);
        assertThat(payment.port()).isEqualTo(5432);
        assertThat(payment.database()).isEqualTo("payment");
        assertThat(payment.password()).isEqualTo("s3cret");
    }

    @Test
    void routesByMappingThenPattern() {
        Map<String, String> s = valid();
        s.put("topic.pattern", "orders.{aggregateType}.v1");
        s.put("topic.mapping", "order.payment=payments, order.shipping=shipments");
        RelayConfig config = new RelayConfig(s);
        assertThat(config.topicFor("order.payment")).isEqualTo("payments");
        assertThat(config.topicFor("order.inventory")).isEqualTo("orders.order.inventory.v1");
    }

    @Test
    void neverPrintsPasswords() {
        assertThat(new RelayConfig(valid()).describe()).containsEntry("source.payment.password", "[hidden]")
                .doesNotContainValue("s3cret");
    }

    @Test
    void aMissingSourceKeyNamesTheFullKey() {
        Map<String, String> s = valid();
        s.remove("source.payment.jdbc.url");
        assertThatThrownBy(() -> new RelayConfig(s)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("source.payment.jdbc.url");
    }

    @Test
    void badValuesNameTheKeyAndTheReason() {
        assertInvalid("source.inventory.jdbc.url", "jdbc:mysql://db/x", "expected jdbc:postgresql://host:port/database");
        assertInvalid("source.inventory.slot", "Bad-Slot", "lower-case identifier");
        assertInvalid("sources", "Inventory", "must be lower-case letters and digits");
        assertInvalid("sources", "payment,payment", "listed twice");
        assertInvalid("topic.pattern", "orders/{aggregateType}", "legal topic name");
        assertInvalid("topic.mapping", "order.payment", "is not aggregateType=topic");
        assertInvalid("poll.interval.ms", "0", "Value must be at least 1");
        assertInvalid("http.port", "70000", "Value must be no more than 65535");
        assertInvalid("bootstrap.servers", "", "at least one broker");
    }

    @Test
    void anUnknownKeyIsATypoNotSilence() {
        Map<String, String> s = valid();
        s.put("source.shipping.jdbc.url", "jdbc:postgresql://db/shipping");
        assertThatThrownBy(() -> new RelayConfig(s)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("source.shipping.jdbc.url").hasMessageContaining("unknown key");
        Map<String, String> t = valid();
        t.put("pol.interval.ms", "5");
        assertThatThrownBy(() -> new RelayConfig(t)).hasMessageContaining("pol.interval.ms");
    }

    private static void assertInvalid(String key, String value, String reason) {
        Map<String, String> s = valid();
        s.put(key, value);
        assertThatThrownBy(() -> new RelayConfig(s)).as(key + "=" + value).isInstanceOf(ConfigException.class)
                .hasMessageContaining(key).hasMessageContaining(reason);
    }
}
