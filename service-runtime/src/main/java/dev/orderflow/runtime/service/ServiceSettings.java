package dev.orderflow.runtime.service;

import dev.orderflow.runtime.config.Durations;
import dev.orderflow.runtime.config.SettingsSources;
import dev.orderflow.runtime.consumer.ConsumerSettings;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * A stage service's own keys (database, provider, HTTP port); {@code policy.*} keys go to
 * {@link StagePolicyConfig}, everything else to {@link ConsumerSettings}, which refuses what it does not know.
 * Values come from a properties file, then environment variables ({@code ORDERFLOW_<SERVICE>_<KEY>}, dots as
 * underscores), then explicit {@code --set key=value}: later sources win.
 */
public final class ServiceSettings extends AbstractConfig {

    public static final String JDBC_URL = "jdbc.url";
    public static final String JDBC_USER = "jdbc.user";
    public static final String JDBC_PASSWORD = "jdbc.password";
    public static final String JDBC_POOL_SIZE = "jdbc.pool.size";
    public static final String PROVIDER_URL = "provider.url";
    public static final String PROVIDER_CONNECT_TIMEOUT = "provider.connect.timeout";
    public static final String HTTP_PORT = "http.port";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(JDBC_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "JDBC URL of the service's own PostgreSQL database (state, dedupe, outbox, deferred work).")
            .define(JDBC_USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Database user.")
            .define(JDBC_PASSWORD, Type.PASSWORD, "", Importance.HIGH, "Database password.")
            .define(JDBC_POOL_SIZE, Type.INT, 8, Range.between(2, 200), Importance.LOW, "Database connections.")
            .define(PROVIDER_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Base URL of the stage's provider API, e.g. http://localhost:18090/.")
            .define(PROVIDER_CONNECT_TIMEOUT, Type.STRING, "1s", Durations.positive(), Importance.LOW,
                    "Connect timeout towards the provider (a refused connection is a transient failure).")
            .define(HTTP_PORT, Type.INT, 8090, Range.between(-1, 65535), Importance.MEDIUM,
                    "Port of /health and /metrics (Prometheus); 0 picks a free port, -1 turns them off.");

    public ServiceSettings(Map<String, ?> own) {
        super(DEFINITION, own, false);
    }

    /**
     * The groups of keys of one service configuration: the runtime's service keys, the stage's own keys
     * ({@link StageService#settingsDefinition()}), the policy and the consumer loop.
     */
    public record Split(Map<String, Object> service, Map<String, Object> stage, Map<String, Object> policy,
            Map<String, Object> consumer) {
    }

    public static Split split(Map<String, ?> all, ConfigDef stageKeys) {
        Map<String, Object> service = new HashMap<>();
        Map<String, Object> stage = new HashMap<>();
        Map<String, Object> policy = new HashMap<>();
        Map<String, Object> consumer = new HashMap<>();
        all.forEach((k, v) -> {
            if (DEFINITION.names().contains(k)) {
                service.put(k, v);
            } else if (stageKeys.names().contains(k)) {
                stage.put(k, v);
            } else if (k.startsWith(StagePolicyConfig.PREFIX)) {
                policy.put(k, v);
            } else {
                consumer.put(k, v);
            }
        });
        return new Split(service, stage, policy, consumer);
    }

    /** Merges file, environment and explicit settings (later wins). */
    public static Map<String, String> load(String service, Path file, Map<String, String> environment,
            Map<String, String> explicit) {
        return SettingsSources.load(envPrefix(service), file, environment, explicit);
    }

    /** {@code payment-consumer} → {@code ORDERFLOW_PAYMENT_CONSUMER_}. */
    public static String envPrefix(String service) {
        return "ORDERFLOW_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }
}
