package dev.orderflow.infra.postgres;

import dev.orderflow.infra.InfrastructureStartException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server someone else runs (a Debian cluster, a managed database). Connecting checks that it accepts
 * the credentials and has logical decoding; closing drops only the databases created through this object.
 */
public final class ExternalPostgresServer extends PostgresServer {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?");

    private final String urlPrefix;
    private final String adminDatabase;
    private final String urlParameters;
    private final String user;
    private final String password;

    private ExternalPostgresServer(String urlPrefix, String adminDatabase, String urlParameters, String user,
                                   String password) {
        this.urlPrefix = urlPrefix;
        this.adminDatabase = adminDatabase;
        this.urlParameters = urlParameters;
        this.user = user;
        this.password = password;
    }

    /**
     * @param adminJdbcUrl URL of a database the user may connect to and create databases from, e.g.
     *                     {@code jdbc:postgresql://127.0.0.1:5432/postgres}
     */
    public static ExternalPostgresServer connect(String adminJdbcUrl, String user, String password) {
        Matcher m = URL.matcher(Objects.requireNonNull(adminJdbcUrl, "adminJdbcUrl"));
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid value " + adminJdbcUrl
                    + " for the PostgreSQL JDBC URL: expected jdbc:postgresql://host:port/database");
        }
        ExternalPostgresServer server = new ExternalPostgresServer(m.group(1), m.group(2),
                m.group(3) == null ? "" : m.group(3), user, password == null ? "" : password);
        try (Connection probe = server.connect(server.adminDatabase)) {
            if (!probe.isValid(5)) {
                throw new SQLException("connection not valid");
            }
        } catch (SQLException e) {
            throw new InfrastructureStartException("postgresql at " + adminJdbcUrl + " refused a connection as "
                    + user + ": " + e.getMessage(), e);
        }
        server.requireLogicalDecoding();
        return server;
    }

    @Override
    public String jdbcUrl(String database) {
        return urlPrefix + database + urlParameters;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    protected String adminDatabase() {
        return adminDatabase;
    }

    @Override
    public Duration startupTime() {
        return Duration.ZERO;
    }

    @Override
    public String describe() {
        return "external PostgreSQL at " + jdbcUrl(adminDatabase);
    }

    @Override
    public void close() {
        dropCreatedDatabases();
    }
}
