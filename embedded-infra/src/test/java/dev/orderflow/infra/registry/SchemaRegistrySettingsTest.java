package dev.orderflow.infra.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.infra.InfrastructureStartException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SchemaRegistrySettingsTest {

    @Test
    void defaultsPickAFreePortAndASmallHeap() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.builder().jar(Path.of("r.jar")).build();
        assertThat(settings.port()).isZero();
        assertThat(settings.maxHeap()).isEqualTo("256m");
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void rejectsBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().port(-1).build())
                .hasMessage("Invalid value -1 for port: must be 0..65535");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().maxHeap("256 MB").build())
                .hasMessage("Invalid value 256 MB for maxHeap: expected e.g. 256m");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().startupTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("for startupTimeout");
    }

    @Test
    void missingJarSaysHowToBuildIt() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.builder().jar(Path.of("no/such/quarkus-run.jar")).build();
        assertThatThrownBy(() -> SchemaRegistryServer.start(settings))
                .isInstanceOf(InfrastructureStartException.class)
                .hasMessageContaining("schema registry")
                .hasMessageContaining("quarkus-run.jar does not exist")
                .hasMessageContaining("./mvnw -pl schema-registry-server package");
    }
}
