package dev.orderflow.dlq.config;

import dev.orderflow.runtime.kafka.OrderTopics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The tool's configuration, validated once per run. Every key is declared here with its type, default, validator
 * and documentation; a bad value fails with {@code Invalid value X for configuration KEY: reason}. Keys under
 * {@code client.} go to every Kafka client as they are (SASL, TLS), e.g. {@code client.security.protocol=SASL_SSL}.
 */
public final class OpsConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String REGISTRY_URL = "registry.url";
    public static final String REGISTRY_AUTO_REGISTER = "registry.auto.register";
    public static final String ORDER_API_URL = "order.api.url";
    public static final String AUDIT_TOPIC = "audit.topic";
    public static final String COMMANDS_TOPIC = "commands.topic";
    public static final String TIMEOUT_MS = "timeout.ms";
    public static final String REPLAY_MAX_COUNT = "replay.max.count";
    public static final String CONFIRM_ABOVE = "confirm.above";
    public static final String CLIENT_PREFIX = "client.";

    private static final List<String> SECRET_WORDS = List.of("password", "secret", "jaas", "token", "key");

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", OpsConfig::validateBrokers, Importance.HIGH,
                    "Kafka brokers, host:port[,host:port...].")
            .define(REGISTRY_URL, Type.STRING, "", OpsConfig::validateOptionalUrl, Importance.HIGH,
                    "Schema registry API the serdes use (Apicurio: http://host:port/apis/registry/v2); without it "
                            + "payloads are shown as hex and order commands cannot be sent.")
            .define(REGISTRY_AUTO_REGISTER, Type.BOOLEAN, false, Importance.LOW,
                    "Let the command serializer register a schema it does not find (tests only).")
            .define(ORDER_API_URL, Type.STRING, "http://localhost:8080", OpsConfig::validateUrl, Importance.MEDIUM,
                    "Base URL of the order API that 'orders show' asks.")
            .define(AUDIT_TOPIC, Type.STRING, OrderTopics.AUDIT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Append-only audit log topic; created with one partition if missing.")
            .define(COMMANDS_TOPIC, Type.STRING, OrderTopics.COMMANDS, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Topic of operator command events.")
            .define(TIMEOUT_MS, Type.INT, 5000, ConfigDef.Range.between(100, 600_000), Importance.MEDIUM,
                    "How long to wait for Kafka, the registry or the order API before giving up.")
            .define(REPLAY_MAX_COUNT, Type.INT, 3, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Replay-count guard: a record replayed this many times already is refused.")
            .define(CONFIRM_ABOVE, Type.INT, 10, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "A replay or discard of more records than this runs as a dry run unless --execute is given.");

    /** A copy of the tool's keys, with defaults and documentation (renders the configuration reference). */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public OpsConfig(Map<String, String> settings) {
        super(DEFINITION, settings, false);
    }

    public List<String> bootstrapServers() {
        return getList(BOOTSTRAP_SERVERS);
    }

    public String registryUrl() {
        return getString(REGISTRY_URL);
    }

    public boolean registryAutoRegister() {
        return getBoolean(REGISTRY_AUTO_REGISTER);
    }

    public String orderApiUrl() {
        return getString(ORDER_API_URL).replaceAll("/+$", "");
    }

    public String auditTopic() {
        return getString(AUDIT_TOPIC);
    }

    public String commandsTopic() {
        return getString(COMMANDS_TOPIC);
    }

    public Duration timeout() {
        return Duration.ofMillis(getInt(TIMEOUT_MS));
    }

    public int replayMaxCount() {
        return getInt(REPLAY_MAX_COUNT);
    }

    public int confirmAbove() {
        return getInt(CONFIRM_ABOVE);
    }

    /** Settings passed to every Kafka client (security, SASL, TLS), without the {@code client.} prefix. */
    public Map<String, Object> clientOverrides() {
        return originalsWithPrefix(CLIENT_PREFIX);
    }

    /** The effective settings with secrets masked, for {@code config} output. */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        DEFINITION.names().stream().sorted().forEach(k -> described.put(k, String.valueOf(values().get(k))));
        clientOverrides().forEach((k, v) -> described.put(CLIENT_PREFIX + k, masked(k, String.valueOf(v))));
        return described;
    }

    private static String masked(String key, String value) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains) ? "********" : value;
    }

    private static void validateBrokers(String name, Object value) {
        List<?> brokers = (List<?>) value;
        if (brokers.isEmpty() || brokers.stream().anyMatch(b -> !String.valueOf(b).matches("[^\\s:]+:\\d{1,5}"))) {
            throw new ConfigException(name, value, "expected host:port[,host:port...], e.g. localhost:9092");
        }
    }

    private static void validateOptionalUrl(String name, Object value) {
        if (!String.valueOf(value).isEmpty()) {
            validateUrl(name, value);
        }
    }

    private static void validateUrl(String name, Object value) {
        String url = String.valueOf(value);
        if (!url.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new ConfigException(name, value, "expected an http(s) URL such as http://localhost:8080");
        }
    }
}
