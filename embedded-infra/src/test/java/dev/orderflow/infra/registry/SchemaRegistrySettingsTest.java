package dev.orderflow.infra.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.InfrastructureStartException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings validation; nothing here starts a process or touches the network. */
class SchemaRegistrySettingsTest {

    @Test
    void defaultsPickAFreePortTheRunningJavaASmallHeapAndATempWorkDir() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.builder().jar(Path.of("r.jar")).build();

        assertThat(settings.port()).isZero();
        assertThat(settings.javaExecutable()).isEqualTo(Path.of(ChildProcess.currentJava()));
        assertThat(settings.maxHeap()).isEqualTo("256m");
        assertThat(settings.workDir()).isNull();
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jarComesFromTheSystemPropertyElseTheModulesBuildOutput() {
        String before = System.getProperty(SchemaRegistrySettings.JAR_PROPERTY);
        try {
            System.setProperty(SchemaRegistrySettings.JAR_PROPERTY, " /opt/registry/quarkus-run.jar ");
            assertThat(SchemaRegistrySettings.defaultJar()).isEqualTo(Path.of("/opt/registry/quarkus-run.jar"));

            System.setProperty(SchemaRegistrySettings.JAR_PROPERTY, "");
            assertThat(SchemaRegistrySettings.defaultJar())
                    .isEqualTo(Path.of("schema-registry-server/target/quarkus-app/quarkus-run.jar"));
        } finally {
            restore(SchemaRegistrySettings.JAR_PROPERTY, before);
        }
    }

    @Test
    void rejectsBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().port(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value -1 for port: must be 0..65535");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().port(65536).build())
                .hasMessage("Invalid value 65536 for port: must be 0..65535");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().maxHeap("256 MB").build())
                .hasMessage("Invalid value 256 MB for maxHeap: expected e.g. 256m");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().startupTimeout(Duration.ZERO).build())
                .hasMessage("Invalid value PT0S for startupTimeout: must be positive");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().startupTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("for startupTimeout");
    }

    @Test
    void heapMayNotBeSmallerThanTheInitialHeapTheServerIsStartedWith() {
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().maxHeap("32m").build())
                .hasMessage("Invalid value 32m for maxHeap: must be at least 64m");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().maxHeap("65535k").build())
                .hasMessageContaining("must be at least 64m");

        assertThat(SchemaRegistrySettings.builder().maxHeap("64m").build().maxHeap()).isEqualTo("64m");
        assertThat(SchemaRegistrySettings.builder().maxHeap("65536K").build().maxHeap()).isEqualTo("65536K");
        assertThat(SchemaRegistrySettings.builder().maxHeap("1G").build().maxHeap()).isEqualTo("1G");
        assertThat(SchemaRegistrySettings.builder().maxHeap("67108864").build().maxHeap()).isEqualTo("67108864");
    }

    @Test
    void requiredValuesMustBeSet() {
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().jar(null).build())
                .hasMessage("Invalid value null for jar: must be set");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().javaExecutable(null).build())
                .hasMessage("Invalid value null for javaExecutable: must be set");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().maxHeap(null).build())
                .hasMessageContaining("for maxHeap");
        assertThatThrownBy(() -> SchemaRegistrySettings.builder().startupTimeout(null).build())
                .hasMessage("Invalid value null for startupTimeout: must be set");
    }

    @Test
    void missingJarSaysWhichFileAndHowToBuildIt() {
        // Fails on the file check, before a port, directory or process is touched.
        SchemaRegistrySettings settings = SchemaRegistrySettings.builder()
                .jar(Path.of("no/such/quarkus-run.jar")).build();

        assertThatThrownBy(() -> SchemaRegistryServer.start(settings))
                .isInstanceOf(InfrastructureStartException.class)
                .hasMessageContaining("schema registry")
                .hasMessageContaining(Path.of("no/such/quarkus-run.jar").toAbsolutePath() + " does not exist")
                .hasMessageContaining("./mvnw -pl schema-registry-server package");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
