package dev.orderflow.relay.internals;

import dev.orderflow.relay.RelayStartException;
import dev.orderflow.relay.config.SourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a source database before its engine starts, so each problem is one clear message instead of a retry
 * loop deep in Debezium: logical decoding on, the publication present, the slot free — and a slot that is gone
 * although the relay has published from it before (someone dropped it: the events committed since are not in
 * any log the relay can read) stops the relay rather than silently starting over. Likewise a slot whose confirmed
 * position is past the stored one: only the relay confirms on its slot, and only what it stored first, so someone
 * else advanced it, and the outbox events in between would never be published.
 *
 * <p>On a first start it creates the slot itself, before the engine runs, so that everything committed from that
 * moment on is kept for the relay even if the engine takes a while to connect.
 */
public final class SourcePreflight {

    private static final Logger log = LoggerFactory.getLogger(SourcePreflight.class);
    /** The LSN fields of a stored Debezium offset (JSON numbers). */
    private static final Pattern LSN_FIELD = Pattern.compile("\"(lsn_commit|lsn_proc)\"\\s*:\\s*(\\d+)");

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
                "SELECT plugin, active, active_pid, confirmed_flush_lsn::text, "
                        + "(confirmed_flush_lsn - '0/0'::pg_lsn)::bigint FROM pg_replication_slots "
                        + "WHERE slot_name = ? AND database = ?")) {
            s.setString(1, source.slot());
            s.setString(2, source.database());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    requireUsable(rs.getString(1), rs.getBoolean(2), rs.getInt(3));
                    long confirmed = rs.getLong(5);
                    if (!rs.wasNull() && storedPosition.isPresent()) {
                        requireNotAhead(rs.getString(4), confirmed, storedPosition.get());
                    }
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

    /**
     * The engine confirms on the slot exactly the position it stored before ({@code lsn_commit}, else
     * {@code lsn_proc}: Debezium's {@code PostgresStreamingChangeEventSource.commitOffset}), never more; a slot
     * confirmed further was advanced by someone else, and PostgreSQL would silently stream from there.
     */
    private void requireNotAhead(String confirmedText, long confirmed, String storedPosition) {
        OptionalLong stored = confirmablePosition(storedPosition);
        if (stored.isEmpty() || Long.compareUnsigned(confirmed, stored.getAsLong()) <= 0) {
            return;
        }
        throw new RelayStartException(source + ": replication slot " + source.slot() + " is confirmed up to "
                + confirmedText + ", past the relay's stored position " + lsnText(stored.getAsLong()) + ". Only the "
                + "relay confirms on its slot, and only positions it stored first, so someone else advanced it "
                + "(pg_replication_slot_advance, another client of the slot): outbox events committed in between "
                + "would never be published. Reconcile the outbox events committed after the stored position (the "
                + "services' databases and the topics), then clear the stored position with "
                + "`outbox-relay --reset-source " + source.name() + "` and start again (the relay then continues "
                + "from the slot's position).");
    }

    /** The position Debezium confirms on the slot for a stored offset: lsn_commit, else lsn_proc. */
    static OptionalLong confirmablePosition(String storedPosition) {
        Long commit = null;
        Long processed = null;
        Matcher m = LSN_FIELD.matcher(storedPosition);
        while (m.find()) {
            long value = Long.parseUnsignedLong(m.group(2));
            if (m.group(1).equals("lsn_commit")) {
                commit = value;
            } else {
                processed = value;
            }
        }
        Long position = commit != null ? commit : processed;
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    static String lsnText(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase(Locale.ROOT) + "/"
                + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
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
