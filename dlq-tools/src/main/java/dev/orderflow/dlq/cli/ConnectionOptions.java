package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.config.OpsConfig;
import dev.orderflow.dlq.config.OpsSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Option;

/** Where Kafka, the registry and the order API are: flags over {@code ORDERFLOW_OPS_*} over a config file. */
public final class ConnectionOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file with settings (default: $ORDERFLOW_OPS_CONFIG).")
    Path configFile;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT[,..]",
            description = "Kafka brokers (bootstrap.servers; env ORDERFLOW_OPS_BOOTSTRAP_SERVERS; default localhost:9092).")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            description = "Schema registry API of the serdes, e.g. http://host:8080/apis/registry/v2 "
                    + "(registry.url; env ORDERFLOW_OPS_REGISTRY_URL).")
    String registryUrl;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Any setting, e.g. --set timeout.ms=3000 --set client.security.protocol=SASL_SSL.")
    Map<String, String> explicit = new LinkedHashMap<>();

    /** The validated configuration; a bad value is a usage error naming the key. */
    public OpsConfig load(OpsContext context, Map<String, String> commandSpecific) {
        Map<String, String> flags = new LinkedHashMap<>(explicit);
        if (bootstrapServers != null) {
            flags.put(OpsConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (registryUrl != null) {
            flags.put(OpsConfig.REGISTRY_URL, registryUrl);
        }
        flags.putAll(commandSpecific);
        try {
            return new OpsConfig(OpsSettings.load(configFile, context.environment(), flags));
        } catch (ConfigException e) {
            throw OpsException.usage(e.getMessage() + " (set it by flag, ORDERFLOW_OPS_* or the --config file)");
        }
    }

    public OpsConfig load(OpsContext context) {
        return load(context, Map.of());
    }
}
