package dev.orderflow.infra.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start the schema registry server. Immutable; build with {@link #builder()}.
 *
 * @param jar            {@code quarkus-run.jar} built by the {@code schema-registry-server} module
 * @param port           HTTP port on 127.0.0.1; 0 picks a free one
 * @param maxHeap        the child JVM's heap, e.g. {@code 256m}
 * @param workDir        where its log goes; {@code null} means a temp directory deleted on close
 * @param startupTimeout how long start may take before it fails
 */
public record SchemaRegistrySettings(Path jar, int port, String maxHeap, Path workDir, Duration startupTimeout) {

    /** Where the build puts the server, relative to the project root. */
    public static final Path DEFAULT_JAR = Path.of("schema-registry-server", "target", "quarkus-app", "quarkus-run.jar");
    /** System property naming the jar (the build sets it for integration tests). */
    public static final String JAR_PROPERTY = "orderflow.registry.jar";

    public SchemaRegistrySettings {
        Objects.requireNonNull(jar, "jar");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid value " + port + " for port: must be 0..65535");
        }
        if (maxHeap == null || !maxHeap.matches("\\d+[kmgKMG]?")) {
            throw new IllegalArgumentException("Invalid value " + maxHeap + " for maxHeap: expected e.g. 256m");
        }
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("Invalid value " + startupTimeout + " for startupTimeout: must be > 0");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: the jar from {@value #JAR_PROPERTY} or {@link #DEFAULT_JAR}, a free port, 256m heap, 60 s. */
    public static final class Builder {
        private Path jar = Path.of(System.getProperty(JAR_PROPERTY, DEFAULT_JAR.toString()));
        private int port;
        private String maxHeap = "256m";
        private Path workDir;
        private Duration startupTimeout = Duration.ofSeconds(60);

        public Builder jar(Path path) {
            this.jar = path;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder maxHeap(String value) {
            this.maxHeap = value;
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public SchemaRegistrySettings build() {
            return new SchemaRegistrySettings(jar, port, maxHeap, workDir, startupTimeout);
        }
    }
}
