package dev.orderflow.launcher;

import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.runtime.consumer.ConsumerSettings;
import dev.orderflow.runtime.outbox.OutboxMode;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings each part of the platform runs with: what a deployment's config files would hold. One place for the
 * three ways the platform is put together (in one JVM, {@link PlatformServices}; one JVM per part, the process
 * platform; the end-to-end tests), so a key a part starts to need is added once. Callers put their own keys on top
 * of the returned (mutable) map.
 */
public final class PlatformSettings {

    /** An HTTP port setting that switches the part's HTTP server off. */
    public static final int NO_HTTP = -1;

    private PlatformSettings() {
    }

    /** The outbox relay: one source per database, named as the database is in {@code databases}. */
    public static Map<String, String> relay(String bootstrapServers, Map<String, ConnectionInfo> databases,
            int httpPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put(RelayConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(RelayConfig.HTTP_PORT, String.valueOf(httpPort));
        settings.put(RelayConfig.SOURCES, String.join(",", databases.keySet()));
        databases.forEach((name, db) -> {
            settings.put(RelayConfig.SOURCE_PREFIX + name + ".jdbc.url", db.jdbcUrl());
            settings.put(RelayConfig.SOURCE_PREFIX + name + ".user", db.user());
            settings.put(RelayConfig.SOURCE_PREFIX + name + ".password", passwordOf(db));
        });
        return settings;
    }

    /** A stage service on its own database, calling the providers at {@code provider}, writing its outbox so. */
    public static Map<String, String> stageService(String bootstrapServers, String registryUrl, ConnectionInfo db,
            URI provider, int httpPort, OutboxMode outbox) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("registry.url", registryUrl);
        settings.put("jdbc.url", db.jdbcUrl());
        settings.put("jdbc.user", db.user());
        settings.put("jdbc.password", passwordOf(db));
        settings.put("provider.url", provider.toString());
        settings.put("http.port", String.valueOf(httpPort));
        settings.put(ConsumerSettings.OUTBOX_WRITE, outbox.configName());
        return settings;
    }

    /**
     * order-stream with the order intake on {@code intakeDb} (writing its outbox as {@code outbox}), punctuating
     * every second. With a fixed port the instance also advertises itself for interactive queries; port 0 (a free
     * one, known only once bound) does not, which suits a single instance.
     */
    public static Map<String, String> orderStream(String bootstrapServers, String registryUrl, ConnectionInfo intakeDb,
            int httpPort, Path stateDir, OutboxMode outbox) {
        Map<String, String> settings = new HashMap<>();
        settings.put(OrderStreamConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(OrderStreamConfig.REGISTRY_URL, registryUrl);
        settings.put(OrderStreamConfig.HTTP_PORT, String.valueOf(httpPort));
        if (httpPort > 0) {
            settings.put(OrderStreamConfig.APPLICATION_SERVER, "127.0.0.1:" + httpPort);
        }
        settings.put(OrderStreamConfig.STATE_DIR, stateDir.toString());
        settings.put(OrderStreamConfig.PUNCTUATION_INTERVAL_MS, "1000");
        settings.put(OrderStreamConfig.STREAMS_PREFIX + "processing.exception.handler.global.enabled", "true");
        settings.put(OrderStreamConfig.INTAKE_JDBC_URL, intakeDb.jdbcUrl());
        settings.put(OrderStreamConfig.INTAKE_JDBC_USER, intakeDb.user());
        settings.put(OrderStreamConfig.INTAKE_JDBC_PASSWORD, passwordOf(intakeDb));
        settings.put(OrderStreamConfig.INTAKE_OUTBOX_WRITE, outbox.configName());
        return settings;
    }

    private static String passwordOf(ConnectionInfo db) {
        return db.password() == null ? "" : db.password();
    }
}
