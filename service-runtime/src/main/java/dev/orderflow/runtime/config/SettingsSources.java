package dev.orderflow.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where every component's settings come from, in one order for all of them: a properties file, then environment
 * variables {@code <PREFIX><KEY>} (upper case, dots as underscores), then explicit {@code --set key=value}; later
 * wins. Validation is the caller's typed configuration's job; this only gathers.
 */
public final class SettingsSources {

    private SettingsSources() {
    }

    /** Gathers with the plain variable-to-key mapping ({@code HTTP_PORT} → {@code http.port}). */
    public static Map<String, String> load(String envPrefix, Path file, Map<String, String> environment,
            Map<String, String> explicit) {
        return load(envPrefix, SettingsSources::keyOf, file, environment, explicit);
    }

    /** Gathers with a component's own variable-to-key mapping (for keys that contain underscores themselves). */
    public static Map<String, String> load(String envPrefix, UnaryOperator<String> keyOfVariable, Path file,
            Map<String, String> environment, Map<String, String> explicit) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (file != null) {
            settings.putAll(readFile(file));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(envPrefix) && name.length() > envPrefix.length()) {
                settings.put(keyOfVariable.apply(name.substring(envPrefix.length())), value);
            }
        });
        settings.putAll(explicit);
        return settings;
    }

    /** {@code POLICY_PAYMENT_ESCALATION_DEADLINE} → {@code policy.payment.escalation.deadline}. */
    public static String keyOf(String variableSuffix) {
        return variableSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k).trim()));
        return settings;
    }
}
