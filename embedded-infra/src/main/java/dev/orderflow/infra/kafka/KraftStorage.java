package dev.orderflow.infra.kafka;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.WorkDirectories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** Writes {@code server.properties} and formats the KRaft log directory, as {@code kafka-storage.sh format} does. */
final class KraftStorage {

    private KraftStorage() {
    }

    /** A broker's data directory, ports and formatted storage, ready for either way of running it. */
    record PreparedNode(Path dataDir, boolean ownsDataDir, int brokerPort, Properties props, Path config) {

        String bootstrapServers() {
            return "127.0.0.1:" + brokerPort;
        }
    }

    /**
     * Resolves free ports and the data directory (a temp one, owned by the broker, when none is set), writes
     * {@code server.properties} and formats the storage.
     */
    static PreparedNode prepare(KafkaBrokerSettings settings) {
        boolean ownsDataDir = settings.dataDir() == null;
        Path dataDir = ownsDataDir ? WorkDirectories.createTemp("kafka-") : settings.dataDir();
        int brokerPort = LoopbackPorts.orPick(settings.brokerPort());
        Properties props = KraftServerProperties.singleNode(brokerPort, LoopbackPorts.orPick(settings.controllerPort()),
                dataDir.resolve("logs"), settings.partitions(), settings.overrides());
        return new PreparedNode(dataDir, ownsDataDir, brokerPort, props,
                format(props, dataDir, Uuid.randomUuid().toString()));
    }

    /**
     * Writes {@code server.properties} into {@code dataDir} and formats the node's log directory with
     * {@code clusterId} (every node of a cluster must share it); returns the properties file. A directory formatted
     * before (a restart) is kept as it is.
     */
    static Path format(Properties props, Path dataDir, String clusterId) {
        Path config = ChildProcess.writeFile(dataDir.resolve("server.properties"), KraftServerProperties.render(props));
        if (Files.exists(Path.of(props.getProperty("log.dirs"), "meta.properties"))) {
            return config;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {
                "format", "-t", clusterId, "-c", config.toString()}, out);
        }
        if (exit != 0) {
            throw new InfrastructureStartException("kafka broker: formatting " + dataDir + " failed (exit " + exit
                    + "): " + output.toString(StandardCharsets.UTF_8));
        }
        return config;
    }
}
