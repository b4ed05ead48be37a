package dev.orderflow.infra.registry;

import dev.orderflow.infra.ChildProcess;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start the schema registry server. Immutable and validated on construction; build with {@link #builder()}.
 * Validation does no I/O: whether the jar exists is checked by {@link SchemaRegistryServer#start}, which can say
 * how to build it.
 *
 * @param jar            {@code quarkus-run.jar} built by the {@code schema-registry-server} module
 * @param port           HTTP port on 127.0.0.1; 0 picks a free one
 * @param javaExecutable the {@code java} that runs the server; by default the one running this JVM
 * @param maxHeap        the child JVM's heap, e.g. {@code 256m}
 * @param workDir        where its log and temp files go; {@code null} means a temp directory deleted on close
 * @param startupTimeout how long start may take before it fails
 */
public record SchemaRegistrySettings(Path jar, int port, Path javaExecutable, String maxHeap, Path workDir,
                                     Duration startupTimeout) {

    /** Where the build puts the server, relative to the project root. */
    public static final Path DEFAULT_JAR = Path.of("schema-registry-server", "target", "quarkus-app", "quarkus-run.jar");
    /** System property naming the jar (the build sets it for integration tests). */
    public static final String JAR_PROPERTY = "orderflow.registry.jar";
    /**
     * The server is started with this initial heap (a small initial heap keeps its RSS about 60 MiB lower than the
     * JVM's default sizing), so the maximum may not be smaller.
     */
    public static final String MIN_HEAP = "64m";
    private static final long MIN_HEAP_BYTES = 64L << 20;

    public SchemaRegistrySettings {
        requireNonNull(jar, "jar");
        if (port < 0 || port > 65535) {
            throw invalid(port, "port", "must be 0..65535");
        }
        requireNonNull(javaExecutable, "javaExecutable");
        if (maxHeap == null || !maxHeap.matches("\\d{1,9}[kmgKMG]?")) {
            throw invalid(maxHeap, "maxHeap", "expected e.g. 256m");
        }
        if (bytes(maxHeap) < MIN_HEAP_BYTES) {
            throw invalid(maxHeap, "maxHeap", "must be at least " + MIN_HEAP);
        }
        requireNonNull(startupTimeout, "startupTimeout");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw invalid(startupTimeout, "startupTimeout", "must be positive");
        }
    }

    /** JVM size syntax: a number with an optional k, m or g suffix, no suffix meaning bytes. */
    private static long bytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? size : size.substring(0, size.length() - 1);
        return Long.parseLong(digits) << shift;
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw invalid(null, name, "must be set");
        }
    }

    private static IllegalArgumentException invalid(Object value, String name, String reason) {
        return new IllegalArgumentException("Invalid value " + value + " for " + name + ": " + reason);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The jar named by {@value #JAR_PROPERTY}, else {@link #DEFAULT_JAR} relative to the working directory (right
     * when started from the project root, as the launcher script and the build do).
     */
    static Path defaultJar() {
        String configured = System.getProperty(JAR_PROPERTY, "");
        return configured.isBlank() ? DEFAULT_JAR : Path.of(configured.strip());
    }

    /**
     * Defaults: {@link #defaultJar()}, a free port, the running JVM's {@code java}, a 256m heap (headroom: with
     * in-memory storage it also started and served with 96m), a temp work directory and 60 s to start.
     */
    public static final class Builder {
        private Path jar = defaultJar();
        private int port;
        private Path javaExecutable = Path.of(ChildProcess.currentJava());
        private String maxHeap = "256m";
        private Path workDir;
        private Duration startupTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder jar(Path path) {
            this.jar = path;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder javaExecutable(Path path) {
            this.javaExecutable = path;
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
            return new SchemaRegistrySettings(jar, port, javaExecutable, maxHeap, workDir, startupTimeout);
        }
    }
}
