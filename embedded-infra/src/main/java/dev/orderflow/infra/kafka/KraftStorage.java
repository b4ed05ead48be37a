package dev.orderflow.infra.kafka;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.InfrastructureStartException;
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

    /** Returns the properties file; a directory formatted before (a restart) is kept as it is. */
    static Path prepare(Properties props, Path dataDir) {
        Path config = ChildProcess.writeFile(dataDir.resolve("server.properties"), KraftServerProperties.render(props));
        if (Files.exists(Path.of(props.getProperty("log.dirs"), "meta.properties"))) {
            return config;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {
                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()}, out);
        }
        if (exit != 0) {
            throw new InfrastructureStartException("kafka broker: formatting " + dataDir + " failed (exit " + exit
                    + "): " + output.toString(StandardCharsets.UTF_8));
        }
        return config;
    }
}
