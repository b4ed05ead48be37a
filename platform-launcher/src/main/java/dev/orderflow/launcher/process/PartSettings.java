package dev.orderflow.launcher.process;

import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.relay.config.RelayConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings each child part runs with on the process platform: what a deployment's config files would hold. */
final class PartSettings {

    private PartSettings() {
    }

    static Map<String, String> relay(String bootstrapServers, Map<String, ConnectionInfo> databases, int httpPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put(RelayConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(RelayConfig.HTTP_PORT, String.valueOf(httpPort));
        settings.put(RelayConfig.SOURCES, String.join(",", databases.keySet()));
        databases.forEach((name, db) -> {
            settings.put(RelayConfig.SOURCE_PREFIX + name + ".jdbc.url", db.jdbcUrl());
            settings.put(RelayConfig.SOURCE_PREFIX + name + ".user", db.user());
            settings.put(RelayConfig.SOURCE_PREFIX + name + ".password", db.password() == null ? "" : db.password());
        });
        return settings;
    }

    static Map<String, String> stageService(String bootstrapServers, String registryUrl, ConnectionInfo db,
            URI provider, int httpPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("registry.url", registryUrl);
        settings.put("jdbc.url", db.jdbcUrl());
        settings.put("jdbc.user", db.user());
        settings.put("jdbc.password", db.password() == null ? "" : db.password());
        settings.put("provider.url", provider.toString());
        settings.put("http.port", String.valueOf(httpPort));
        return settings;
    }

    static Map<String, String> orderStream(String bootstrapServers, String registryUrl, ConnectionInfo intakeDb,
            int httpPort, Path stateDir) {
        Map<String, String> settings = new HashMap<>();
        settings.put(OrderStreamConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(OrderStreamConfig.REGISTRY_URL, registryUrl);
        settings.put(OrderStreamConfig.HTTP_PORT, String.valueOf(httpPort));
        settings.put(OrderStreamConfig.APPLICATION_SERVER, "127.0.0.1:" + httpPort);
        settings.put(OrderStreamConfig.STATE_DIR, stateDir.toString());
        settings.put(OrderStreamConfig.PUNCTUATION_INTERVAL_MS, "1000");
        settings.put(OrderStreamConfig.STREAMS_PREFIX + "processing.exception.handler.global.enabled", "true");
        settings.put(OrderStreamConfig.INTAKE_JDBC_URL, intakeDb.jdbcUrl());
        settings.put(OrderStreamConfig.INTAKE_JDBC_USER, intakeDb.user());
        settings.put(OrderStreamConfig.INTAKE_JDBC_PASSWORD, intakeDb.password() == null ? "" : intakeDb.password());
        return settings;
    }
}
