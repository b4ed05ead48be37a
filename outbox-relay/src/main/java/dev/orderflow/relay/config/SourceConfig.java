package dev.orderflow.relay.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * One source database: where it is, who reads it, and which slot and publication carry its outbox. Keys are
 * {@code source.<name>.<key>}, declared per source so an error names the full key.
 */
public final class SourceConfig {

    public static final String JDBC_URL = "jdbc.url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String SLOT = "slot";
    public static final String PUBLICATION = "publication";
    public static final String TABLE = "table";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}\\.[a-z_][a-z0-9_]{0,62}");
    private static final Pattern JDBC_POSTGRES = Pattern.compile("jdbc:postgresql://[^/]+/[^/?]+(\\?.*)?");

    private final String name;
    private final String prefix;
    private final AbstractConfig values;
    private final URI location;

    private SourceConfig(String name, String prefix, AbstractConfig values) {
        this.name = name;
        this.prefix = prefix;
        this.values = values;
        this.location = URI.create(values.getString(prefix + JDBC_URL).substring("jdbc:".length()));
    }

    /** The keys of the source called {@code name} (renders the configuration reference). */
    public static ConfigDef definition(String name) {
        return definition(RelayConfig.SOURCE_PREFIX + name + ".", name);
    }

    static SourceConfig from(String name, Map<?, ?> originals) {
        String prefix = RelayConfig.SOURCE_PREFIX + name + ".";
        Map<String, Object> own = new LinkedHashMap<>();
        originals.forEach((k, v) -> {
            if (k.toString().startsWith(prefix)) {
                own.put(k.toString(), v);
            }
        });
        return new SourceConfig(name, prefix, new AbstractConfig(definition(prefix, name), own, false));
    }

    private static ConfigDef definition(String prefix, String name) {
        return new ConfigDef()
                .define(prefix + JDBC_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, SourceConfig::validateJdbcUrl,
                        Importance.HIGH, "The database, jdbc:postgresql://host:port/database.")
                .define(prefix + USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "User with the REPLICATION attribute (or a superuser).")
                .define(prefix + PASSWORD, Type.PASSWORD, "", Importance.HIGH, "Password of the user.")
                .define(prefix + SLOT, Type.STRING, "orderflow_outbox_" + name, identifier(),
                        Importance.MEDIUM, "Logical replication slot of this source; one per relay per database.")
                .define(prefix + PUBLICATION, Type.STRING, "orderflow_outbox", identifier(), Importance.MEDIUM,
                        "Publication of the outbox table, created by the service's migrations.")
                .define(prefix + TABLE, Type.STRING, "public.outbox", (key, value) -> {
                    if (value == null || !TABLE_NAME.matcher(value.toString()).matches()) {
                        throw new ConfigException(key, value, "expected schema.table in lower case");
                    }
                }, Importance.LOW, "The outbox table, schema-qualified.");
    }

    private static ConfigDef.Validator identifier() {
        return (key, value) -> {
            if (value == null || !IDENTIFIER.matcher(value.toString()).matches()) {
                throw new ConfigException(key, value,
                        "expected a lower-case identifier: letters, digits and _ (at most 63), not starting with a digit");
            }
        };
    }

    private static void validateJdbcUrl(String key, Object value) {
        if (value == null || !JDBC_POSTGRES.matcher(value.toString()).matches()) {
            throw new ConfigException(key, value, "expected jdbc:postgresql://host:port/database");
        }
        try {
            URI uri = URI.create(value.toString().substring("jdbc:".length()));
            if (uri.getHost() == null) {
                throw new ConfigException(key, value, "no host in the URL");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, "not a URL: " + e.getMessage());
        }
    }

    boolean owns(String key) {
        return key.startsWith(prefix);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return values.getString(prefix + JDBC_URL);
    }

    public String host() {
        return location.getHost();
    }

    public int port() {
        return location.getPort() < 0 ? 5432 : location.getPort();
    }

    public String database() {
        return location.getPath().substring(1);
    }

    public String user() {
        return values.getString(prefix + USER);
    }

    public String password() {
        return values.getPassword(prefix + PASSWORD).value();
    }

    public String slot() {
        return values.getString(prefix + SLOT);
    }

    public String publication() {
        return values.getString(prefix + PUBLICATION);
    }

    public String table() {
        return values.getString(prefix + TABLE);
    }

    Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        values.values().forEach((k, v) -> described.put(k, v instanceof Password ? Password.HIDDEN : String.valueOf(v)));
        return described;
    }

    @Override
    public String toString() {
        return "source " + name + " (" + host() + ":" + port() + "/" + database() + ", slot " + slot() + ")";
    }
}
