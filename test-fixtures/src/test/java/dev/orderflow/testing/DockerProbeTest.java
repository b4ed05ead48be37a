package dev.orderflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerProbeTest {

    @Test
    void nothingPointsAtAnEngineOnAPlainMachine() {
        assertThat(DockerProbe.hint(Map.of(), "/home/dev", path -> false)).isEmpty();
    }

    @Test
    void dockerHostIsEnough() {
        assertThat(DockerProbe.hint(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), "/home/dev", path -> false))
                .hasValue("DOCKER_HOST=tcp://127.0.0.1:2375");
    }

    @Test
    void aDockerHostSocketThatIsNotThereIsNoHint() {
        assertThat(DockerProbe.hint(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), "/home/dev",
                path -> false)).isEmpty();
        assertThat(DockerProbe.hint(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock"), "/home/dev",
                Set.of(Path.of("/run/user/1000/docker.sock"))::contains))
                .hasValue("DOCKER_HOST=unix:///run/user/1000/docker.sock");
    }

    @Test
    void aBlankDockerHostIsIgnored() {
        assertThat(DockerProbe.hint(Map.of("DOCKER_HOST", " "), "/home/dev", path -> false)).isEmpty();
    }

    @Test
    void findsTheUsualSockets() {
        assertThat(DockerProbe.hint(Map.of(), "/home/dev", Set.of(Path.of("/var/run/docker.sock"))::contains))
                .hasValue("/var/run/docker.sock");
        assertThat(DockerProbe.hint(Map.of(), "/home/dev",
                Set.of(Path.of("/home/dev/.docker/run/docker.sock"))::contains))
                .hasValue("/home/dev/.docker/run/docker.sock");
        assertThat(DockerProbe.hint(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "/home/dev",
                Set.of(Path.of("/run/user/1000/docker.sock"))::contains))
                .hasValue("/run/user/1000/docker.sock");
    }

    @Test
    void aTestcontainersPropertiesFileCounts() {
        assertThat(DockerProbe.hint(Map.of(), "/home/dev",
                Set.of(Path.of("/home/dev/.testcontainers.properties"))::contains))
                .hasValue("/home/dev/.testcontainers.properties");
    }
}
