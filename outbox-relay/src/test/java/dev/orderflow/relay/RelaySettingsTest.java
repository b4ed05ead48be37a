package dev.orderflow.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaySettingsTest {

    @Test
    void fileThenEnvironmentThenExplicitSettings(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("relay.properties"),
                "bootstrap.servers=file:9092\nsources=payment\npoll.interval.ms=50\n");
        Map<String, String> settings = RelaySettings.load(file,
                Map.of("ORDERFLOW_RELAY_SOURCE_PAYMENT_JDBC_URL", "jdbc:postgresql://db/payment",
                        "ORDERFLOW_RELAY_POLL_INTERVAL_MS", "20", "PATH", "/usr/bin"),
                Map.of("poll.interval.ms", "5"));
        assertThat(settings).containsEntry("bootstrap.servers", "file:9092")
                .containsEntry("source.payment.jdbc.url", "jdbc:postgresql://db/payment")
                .containsEntry("poll.interval.ms", "5")
                .doesNotContainKey("path");
    }
}
