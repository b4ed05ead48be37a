package dev.orderflow.orderstream.intake;

import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.testing.UniqueNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every outbox insert committed while it is open, read from the database log through a {@code test_decoding}
 * replication slot. The outbox deletes its rows in the inserting transaction, so the table is always empty; the
 * log is where the relay sees the insert, and so the honest place for a test to count and decode it.
 */
final class OutboxCapture implements AutoCloseable {

    /** One decoded outbox insert. */
    record Insert(String aggregateType, String aggregateId, String type, byte[] payload) {
    }

    private static final Pattern INSERT = Pattern.compile("^table public\\.outbox: INSERT: .*"
            + "aggregatetype\\[character varying\\]:'([^']*)' aggregateid\\[character varying\\]:'([^']*)' "
            + "type\\[character varying\\]:'([^']*)' payload\\[bytea\\]:'\\\\x([0-9a-f]*)'");

    private final ConnectionInfo database;
    private final String slot;
    private final List<Insert> inserts = new ArrayList<>();

    private OutboxCapture(ConnectionInfo database, String slot) {
        this.database = database;
        this.slot = slot;
    }

    /** Starts capturing: only transactions that commit after this call are seen. */
    static OutboxCapture start(ConnectionInfo database) throws SQLException {
        String slot = UniqueNames.identifier("intake_it");
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'test_decoding')");
        }
        return new OutboxCapture(database, slot);
    }

    /** Every outbox insert committed since the start. */
    List<Insert> inserts() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT data FROM pg_logical_slot_get_changes('" + slot
                     + "', NULL, NULL)")) {
            while (rs.next()) {
                Matcher m = INSERT.matcher(rs.getString(1));
                if (m.find()) {
                    inserts.add(new Insert(m.group(1), m.group(2), m.group(3), HexFormat.of().parseHex(m.group(4))));
                }
            }
        }
        return List.copyOf(inserts);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_drop_replication_slot('" + slot + "')");
        }
    }
}
