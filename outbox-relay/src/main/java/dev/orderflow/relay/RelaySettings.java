package dev.orderflow.relay;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the relay's settings come from, lowest precedence first: a properties file, environment variables
 * {@code ORDERFLOW_RELAY_<KEY>} (upper case, dots as underscores: {@code ORDERFLOW_RELAY_SOURCE_PAYMENT_JDBC_URL}
 * sets {@code source.payment.jdbc.url}), then explicit {@code key=value} pairs.
 */
public final class RelaySettings {

    public static final String ENV_PREFIX = "ORDERFLOW_RELAY_";

    private RelaySettings() {
    }

    public static Map<String, String> load(Path file, Map<String, String> environment, Map<String, String> explicit) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (file != null) {
            settings.putAll(readFile(file));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                settings.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        settings.putAll(explicit);
        return settings;
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
