package dev.orderflow.relay;

import dev.orderflow.runtime.config.SettingsSources;
import java.nio.file.Path;
import java.util.Map;

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
        return SettingsSources.load(ENV_PREFIX, file, environment, explicit);
    }
}
