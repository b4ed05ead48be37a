package dev.orderflow.infra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server with logical decoding, embedded or external. Services get one database each
 * ({@link #createDatabase}); closing the server drops the databases (and their replication slots) it created, so
 * an external server is left as it was found.
 */
public abstract class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();

    /** JDBC URL of {@code database} on this server. */
    public abstract String jdbcUrl(String database);

    public abstract String user();

    public abstract String password();

    /** The maintenance database used to create and drop the others. */
    protected abstract String adminDatabase();

    /** Time from the start request until the server accepted connections (zero for an external server). */
    public abstract Duration startupTime();

    /** What kind of server this is and where, for start-up banners. */
    public abstract String describe();

    public Connection connect(String database) throws SQLException {
        return connectionInfo(database).connect();
    }

    /** Creates an empty database; the name must be a plain lower-case identifier. */
    public ConnectionInfo createDatabase(String name) {
        requireValidName(name);
        execute("CREATE DATABASE " + name);
        createdDatabases.add(name);
        return connectionInfo(name);
    }

    public ConnectionInfo connectionInfo(String database) {
        return new ConnectionInfo(jdbcUrl(database), user(), password());
    }

    /** Drops a database with its replication slots, after ending the sessions that still use it. */
    public void dropDatabase(String name) {
        requireValidName(name);
        execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                + " WHERE database = '" + name + "' AND NOT active");
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        createdDatabases.remove(name);
    }

    /** Fails with an actionable message unless {@code wal_level} is {@code logical} (needed by the outbox relay). */
    protected void requireLogicalDecoding() {
        String walLevel = queryString("SHOW wal_level");
        if (!"logical".equals(walLevel)) {
            throw new dev.orderflow.infra.InfrastructureStartException("postgresql at " + jdbcUrl(adminDatabase())
                    + " has wal_level=" + walLevel + "; the outbox relay needs logical decoding: run "
                    + "ALTER SYSTEM SET wal_level = logical; and restart the server");
        }
    }

    protected String queryString(String sql) {
        try (Connection c = connect(adminDatabase()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("postgresql: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = connect(adminDatabase()); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("postgresql: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void requireValidName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name '" + name
                    + "': use lower-case letters, digits and _ (at most 63), starting with a letter or _");
        }
    }

    /** Drops what this object created; subclasses then stop what they started. */
    protected void dropCreatedDatabases() {
        for (String name : Set.copyOf(createdDatabases)) {
            try {
                dropDatabase(name);
            } catch (RuntimeException e) {
                log.warn("could not drop database {}: {}", name, e.getMessage());
            }
        }
    }

    @Override
    public abstract void close();

    /** Where a service connects. The password may be empty (trust authentication on loopback). */
    public record ConnectionInfo(String jdbcUrl, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }

        @Override
        public String toString() {
            return "ConnectionInfo[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=****]";
        }
    }
}
