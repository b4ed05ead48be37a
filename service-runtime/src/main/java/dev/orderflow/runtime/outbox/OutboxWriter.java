package dev.orderflow.runtime.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;

/**
 * Appends outgoing events to the outbox inside the caller's own JDBC transaction; nothing is sent to Kafka here.
 * The caller commits (or rolls back) the events together with its state change and dedupe record, and the outbox
 * relay publishes what was committed, read from the database log. Two ways to put an event into that log, chosen
 * by {@link OutboxMode}: a row of the {@code outbox} table, or a transactional logical decoding message. The relay
 * reads both, so services can be switched one by one.
 */
public interface OutboxWriter {

    /**
     * Writes the events in the given order (the relay publishes them in commit order, and per order id in this
     * order). Must run inside a transaction: with auto-commit on, a table writer's insert and delete would be two
     * transactions and a message writer's message would be published even if the caller's later statements failed,
     * so auto-commit is refused outright.
     */
    void append(Connection connection, Collection<OutboxEvent> events) throws SQLException;

    /** The writer of the given mode; {@code clock} stamps a message's events (a row is stamped by the database). */
    static OutboxWriter of(OutboxMode mode, Clock clock) {
        return switch (mode) {
            case TABLE -> new OutboxTableWriter();
            case MESSAGE -> new OutboxMessageWriter(clock);
        };
    }

    static void requireTransaction(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("the outbox must be written inside the caller's transaction"
                    + " (auto-commit is on)");
        }
    }
}
