package dev.orderflow.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaBrokerSettingsTest {

    @Test
    void defaultsSuitASmallMachine() {
        KafkaBrokerSettings settings = KafkaBrokerSettings.builder().build();
        assertThat(settings.brokerPort()).isZero();
        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rejectsBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> KafkaBrokerSettings.builder().brokerPort(70000).build())
                .hasMessage("Invalid value 70000 for brokerPort: must be 0..65535");
        assertThatThrownBy(() -> KafkaBrokerSettings.builder().partitions(0).build())
                .hasMessage("Invalid value 0 for partitions: must be at least 1");
        assertThatThrownBy(() -> KafkaBrokerSettings.builder().maxHeap("lots").build())
                .hasMessageContaining("for maxHeap");
        assertThatThrownBy(() -> KafkaBrokerSettings.builder().startupTimeout(Duration.ZERO).build())
                .hasMessageContaining("for startupTimeout");
    }

    @Test
    void singleNodePropertiesCarryTheSettingsWithoutWhichGroupsAndTransactionsHang() {
        Properties props = KraftServerProperties.singleNode(9092, 9093, Path.of("/data/logs"), 3,
                Map.of("log.retention.ms", "60000"));
        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("log.cleaner.dedupe.buffer.size", "8388608")
                .containsEntry("num.partitions", "3")
                .containsEntry("log.retention.ms", "60000");
    }

    @Test
    void overridesWinOverDefaults() {
        Properties props = KraftServerProperties.singleNode(1, 2, Path.of("x"), 1,
                Map.of("auto.create.topics.enable", "true"));
        assertThat(props).containsEntry("auto.create.topics.enable", "true");
    }

    @Test
    void rendersSortedPropertiesFile() {
        Properties props = new Properties();
        props.setProperty("b", "2");
        props.setProperty("a", "C:\\dir");
        assertThat(KraftServerProperties.render(props)).isEqualTo("a=C:\\\\dir\nb=2\n");
    }
}
