package dev.orderflow.relay;

import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.outbox.OutboxEvent;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.runtime.outbox.OutboxWriter;
import dev.orderflow.testing.PostgresFixture;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/** A migrated service database of a test, with helpers to commit or roll back outbox events. */
final class OutboxDatabase {

    private final ConnectionInfo info;
    private final OutboxWriter writer = OutboxWriter.of(OutboxMode.TABLE, Clock.systemUTC());

    private OutboxDatabase(ConnectionInfo info) {
        this.info = info;
    }

    static OutboxDatabase create(PostgresFixture postgres, String prefix) {
        ConnectionInfo info = postgres.newDatabase(prefix);
        DatabaseMigrations.migrate(info.jdbcUrl(), info.user(), info.password());
        return new OutboxDatabase(info);
    }

    ConnectionInfo info() {
        return info;
    }

    String name() {
        return URI.create(info.jdbcUrl().substring("jdbc:".length())).getPath().substring(1);
    }

    /** Commits the events in one transaction, as outbox rows. */
    void commit(List<OutboxEvent> events) throws SQLException {
        commit(events, writer);
    }

    /** Commits the events in one transaction with the given writer. */
    void commit(List<OutboxEvent> events, OutboxWriter with) throws SQLException {
        try (Connection c = info.connect()) {
            c.setAutoCommit(false);
            with.append(c, events);
            c.commit();
        }
    }

    /** A connection kept open for many transactions, as a busy service has. */
    Session session() throws SQLException {
        Connection c = info.connect();
        c.setAutoCommit(false);
        return new Session(c);
    }

    final class Session implements AutoCloseable {
        private final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        void commit(List<OutboxEvent> events) throws SQLException {
            writer.append(connection, events);
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Writes the events with the given writer, then rolls the transaction back. */
    void rollback(List<OutboxEvent> events, OutboxWriter with) throws SQLException {
        try (Connection c = info.connect()) {
            c.setAutoCommit(false);
            with.append(c, events);
            c.rollback();
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Connection c = info.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = info.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The relay settings of this database as source {@code name}. */
    java.util.Map<String, String> sourceSettings(String source, String slot) {
        return java.util.Map.of(
                "source." + source + ".jdbc.url", info.jdbcUrl(),
                "source." + source + ".user", info.user(),
                "source." + source + ".password", info.password(),
                "source." + source + ".slot", slot);
    }
}
