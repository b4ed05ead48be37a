package dev.orderflow.orderstream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

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
        Map<String, String> settings = new LinkedHashMap<>();
        if (file != null) {
            settings.putAll(readFile(file));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                settings.put(keyOf(name.substring(ENV_PREFIX.length())), value);
            }
        });
        settings.putAll(explicit);
        return settings;
    }

    static String keyOf(String envSuffix) {
        String key = envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
        if (key.startsWith(DEADLINE_ENV)) {
            // Order states contain underscores; only the prefix is dotted.
            return DEADLINE_ENV + envSuffix.substring(DEADLINE_ENV.length()).toUpperCase(Locale.ROOT);
        }
        return key;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k).trim()));
        return settings;
    }
}
