package dev.orderflow.orderstream.config;

import dev.orderflow.runtime.config.SettingsSources;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the settings come from, lowest precedence first: a properties file, environment variables
 * {@code ORDERFLOW_STREAM_<KEY>} (upper case, dots as underscores: {@code ORDERFLOW_STREAM_HTTP_PORT} sets
 * {@code http.port}; the state of {@code ORDERFLOW_STREAM_ESCALATION_DEADLINE_PAYMENT_PENDING} keeps its
 * underscores), then explicit {@code key=value} pairs.
 */
public final class OrderStreamSettings {

    public static final String ENV_PREFIX = "ORDERFLOW_STREAM_";
    private static final String DEADLINE_ENV = "escalation.deadline.";

    private OrderStreamSettings() {
    }

    public static Map<String, String> load(Path file, Map<String, String> environment, Map<String, String> explicit) {
        return SettingsSources.load(ENV_PREFIX, OrderStreamSettings::keyOf, file, environment, explicit);
    }

    static String keyOf(String envSuffix) {
        String key = envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
        if (key.startsWith(DEADLINE_ENV)) {
            // Order states contain underscores; only the prefix is dotted.
            return DEADLINE_ENV + envSuffix.substring(DEADLINE_ENV.length()).toUpperCase(Locale.ROOT);
        }
        return key;
    }
}
