package dev.orderflow.dlq.config;

import dev.orderflow.dlq.OpsException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the tool's settings come from, lowest precedence first: a properties file, environment variables
 * {@code ORDERFLOW_OPS_<KEY>} (upper case, dots as underscores: {@code ORDERFLOW_OPS_BOOTSTRAP_SERVERS} sets
 * {@code bootstrap.servers}, {@code ORDERFLOW_OPS_CLIENT_SECURITY_PROTOCOL} sets {@code client.security.protocol}),
 * then command-line flags.
 */
public final class OpsSettings {

    public static final String ENV_PREFIX = "ORDERFLOW_OPS_";
    /** Environment variable naming the configuration file when {@code --config} is not given. */
    public static final String CONFIG_FILE_ENV = ENV_PREFIX + "CONFIG";

    private OpsSettings() {
    }

    public static Map<String, String> load(Path file, Map<String, String> environment, Map<String, String> explicit) {
        Map<String, String> settings = new LinkedHashMap<>();
        Path configFile = file != null ? file
                : environment.containsKey(CONFIG_FILE_ENV) ? Path.of(environment.get(CONFIG_FILE_ENV)) : null;
        if (configFile != null) {
            settings.putAll(readFile(configFile));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && !name.equals(CONFIG_FILE_ENV) && name.length() > ENV_PREFIX.length()) {
                settings.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        explicit.forEach((key, value) -> {
            if (value != null) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw OpsException.usage("cannot read the configuration file " + file + " (" + e.getMessage()
                    + "): check the --config path");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k).trim()));
        return settings;
    }
}
