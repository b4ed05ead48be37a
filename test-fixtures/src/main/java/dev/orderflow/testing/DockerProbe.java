package dev.orderflow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether a Docker engine can run the test containers, asked quickly and quietly. Testcontainers' own probe tries
 * every strategy it knows and logs an error for each when there is no engine, so it is asked only when something
 * points at an engine: {@code DOCKER_HOST}, a Testcontainers properties file, or one of the usual sockets. On a
 * machine with none of those the answer is "no" without loading Testcontainers at all. (Where something does point
 * at an engine that is down, Testcontainers' probe takes seconds and logs its error once; then the embedded parts
 * start.)
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean dockerAvailable() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");    // a named pipe, not a file
        return (windows || hint(System.getenv(), System.getProperty("user.home", ""), Files::exists).isPresent())
                && ContainerInfrastructure.dockerAvailable();
    }

    /** The first thing that points at a Docker engine, if any; pure, for tests. */
    static Optional<String> hint(Map<String, String> env, String home, Predicate<Path> exists) {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            // A unix socket that is not there cannot answer; asking Testcontainers would only cost seconds and errors.
            boolean missingSocket = dockerHost.startsWith("unix://")
                    && !exists.test(Path.of(dockerHost.substring("unix://".length())));
            return missingSocket ? Optional.empty() : Optional.of("DOCKER_HOST=" + dockerHost);
        }
        return candidates(env, home).stream().filter(exists).findFirst().map(Path::toString);
    }

    private static List<Path> candidates(Map<String, String> env, String home) {
        List<Path> paths = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"), Path.of("/run/docker.sock")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            paths.add(Path.of(runtimeDir, "docker.sock"));
            paths.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        if (!home.isBlank()) {
            paths.add(Path.of(home, ".testcontainers.properties"));
            paths.add(Path.of(home, ".docker", "run", "docker.sock"));
            paths.add(Path.of(home, ".docker", "desktop", "docker.sock"));
            paths.add(Path.of(home, ".colima", "default", "docker.sock"));
            paths.add(Path.of(home, ".rd", "docker.sock"));
        }
        return paths;
    }
}
