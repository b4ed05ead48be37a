package dev.orderflow.infra.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a local KRaft broker. Immutable; build with {@link #builder()}. A port of 0 means "pick a free one".
 *
 * @param dataDir         where the log and metadata live; {@code null} means a fresh temp directory, deleted on close
 * @param partitions      default partition count of auto-created and admin-created topics without a count
 * @param overrides       extra broker properties, applied last
 * @param startupTimeout  how long start may take before it fails
 * @param maxHeap         heap of a child-process broker (ignored in-process), e.g. {@code 256m}
 */
public record KafkaBrokerSettings(
        int brokerPort,
        int controllerPort,
        Path dataDir,
        int partitions,
        Map<String, String> overrides,
        Duration startupTimeout,
        String maxHeap) {

    public KafkaBrokerSettings {
        requirePort(brokerPort, "brokerPort");
        requirePort(controllerPort, "controllerPort");
        if (partitions < 1) {
            throw new IllegalArgumentException("Invalid value " + partitions + " for partitions: must be at least 1");
        }
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("Invalid value " + startupTimeout + " for startupTimeout: must be > 0");
        }
        if (maxHeap == null || !maxHeap.matches("\\d+[kmgKMG]?")) {
            throw new IllegalArgumentException("Invalid value " + maxHeap + " for maxHeap: expected e.g. 256m");
        }
        overrides = Map.copyOf(overrides);
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid value " + port + " for " + name + ": must be 0..65535");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with defaults suited to a laptop or CI box: free ports, 6 partitions, 60 s to start. */
    public static final class Builder {
        private int brokerPort;
        private int controllerPort;
        private Path dataDir;
        private int partitions = 6;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(60);
        private String maxHeap = "384m";

        public Builder brokerPort(int port) {
            this.brokerPort = port;
            return this;
        }

        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Builder partitions(int count) {
            this.partitions = count;
            return this;
        }

        public Builder override(String key, String value) {
            this.overrides.put(key, value);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public Builder maxHeap(String heap) {
            this.maxHeap = heap;
            return this;
        }

        public KafkaBrokerSettings build() {
            return new KafkaBrokerSettings(brokerPort, controllerPort, dataDir, partitions, overrides,
                    startupTimeout, maxHeap);
        }
    }
}
