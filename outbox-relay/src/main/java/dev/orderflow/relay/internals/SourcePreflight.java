package dev.orderflow.relay.internals;

import dev.orderflow.relay.RelayStartException;
import dev.orderflow.relay.config.SourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a source database before its engine starts, so each problem is one clear message instead of a retry
 * loop deep in Debezium: logical decoding on, the publication present, the slot free — and a slot that is gone
 * although the relay has published from it before (someone dropped it: the events committed since are not in
 * any log the relay can read) stops the relay rather than silently starting over.
 *
 * <p>On a first start it creates the slot itself, before the engine runs, so that everything committed from that
 * moment on is kept for the relay even if the engine takes a while to connect.
 */
public final class SourcePreflight {

    private static final Logger log = LoggerFactory.getLogger(SourcePreflight.class);

    private final SourceConfig source;

    public SourcePreflight(SourceConfig source) {
        this.source = source;
    }

    /**
     * @param storedPosition the position the relay stored for this source, if it ever published from it
     */
    public void check(Optional<String> storedPosition) {
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password())) {
            requireLogicalDecoding(connection);
            requirePublication(connection);
            checkSlot(connection, storedPosition);
        } catch (SQLException e) {
            throw new RelayStartException(source + ": cannot check the database: " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private void requireLogicalDecoding(Connection connection) throws SQLException {
        String walLevel = queryString(connection, "SHOW wal_level", null).orElse("unknown");
        if (!"logical".equals(walLevel)) {
            throw new RelayStartException(source + ": wal_level is " + walLevel + "; the relay reads the outbox "
                    + "through logical decoding: run ALTER SYSTEM SET wal_level = logical; and restart PostgreSQL");
        }
    }

    private void requirePublication(Connection connection) throws SQLException {
        if (queryString(connection, "SELECT pubname FROM pg_publication WHERE pubname = ?", source.publication())
                .isEmpty()) {
            throw new RelayStartException(source + ": publication " + source.publication() + " does not exist in "
                    + "database " + source.database() + "; it is created by the service's database migrations "
                    + "(start the service once, or check source." + source.name() + ".publication)");
        }
    }

    private void checkSlot(Connection connection, Optional<String> storedPosition) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT plugin, active, active_pid FROM pg_replication_slots WHERE slot_name = ? AND database = ?")) {
            s.setString(1, source.slot());
            s.setString(2, source.database());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    requireUsable(rs.getString(1), rs.getBoolean(2), rs.getInt(3));
                    return;
                }
            }
        }
        if (storedPosition.isPresent()) {
            throw new RelayStartException(source + ": replication slot " + source.slot() + " does not exist, but the "
                    + "relay has published from it before (stored position " + storedPosition.get() + "). It was "
                    + "dropped: events committed since then may never be published, and starting a new slot would "
                    + "hide that. Reconcile the outbox events committed after that position (the services' "
                    + "databases and the topics), then clear the stored position with "
                    + "`outbox-relay --reset-source " + source.name() + "` and start again.");
        }
        createSlot(connection);
    }

    private void requireUsable(String plugin, boolean active, int activePid) {
        if (!"pgoutput".equals(plugin)) {
            throw new RelayStartException(source + ": replication slot " + source.slot() + " uses plugin " + plugin
                    + ", the relay needs pgoutput; choose another source." + source.name() + ".slot");
        }
        if (active) {
            throw new RelayStartException(source + ": replication slot " + source.slot() + " is in use by server "
                    + "process " + activePid + " (another relay?); one relay per slot");
        }
    }

    private void createSlot(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT lsn FROM pg_create_logical_replication_slot(?, 'pgoutput')")) {
            s.setString(1, source.slot());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                log.info("{}: created replication slot at {}; outbox events committed from now on are published",
                        source, rs.getString(1));
            }
        }
    }

    private static Optional<String> queryString(Connection connection, String sql, String parameter)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
