package dev.orderflow.runtime.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Appends outgoing events to the outbox inside the caller's own JDBC transaction; nothing is sent to Kafka here.
 * The caller commits (or rolls back) the events together with its state change and dedupe record.
 *
 * <p>Each row is inserted and deleted in the same transaction. The relay reads the insert from the database log;
 * the table itself never grows, so no purge job is needed and its index stays tiny. Many events go in one
 * batched insert and one delete, so a consumer that handles a whole poll per transaction pays two round trips.
 */
public final class OutboxWriter {

    private static final String INSERT = "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload,"
            + " correlation_id, causation_id, traceparent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ANY (?)";

    /**
     * Writes the events in the given order (the relay publishes them in commit order, and per order id in this
     * order). Must run inside a transaction: with auto-commit on, the insert and delete would be two transactions
     * and the first alone would be published — fine — but a failure between them would leave the row behind, so
     * auto-commit is refused outright to keep one behaviour.
     */
    public void append(Connection connection, Collection<OutboxEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("the outbox must be written inside the caller's transaction"
                    + " (auto-commit is on)");
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxEvent e : events) {
                insert.setObject(1, e.eventId());
                insert.setString(2, e.aggregateType());
                insert.setString(3, e.aggregateId());
                insert.setString(4, e.eventType());
                insert.setBytes(5, e.payload());
                insert.setString(6, e.correlationId());
                insert.setString(7, e.causationId());
                insert.setString(8, e.traceparent());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            Array ids = connection.createArrayOf("uuid", events.stream().map(OutboxEvent::eventId).toArray(UUID[]::new));
            delete.setArray(1, ids);
            delete.executeUpdate();
        }
    }
}
