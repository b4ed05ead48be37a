package dev.orderflow.runtime.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * The outbox as a table ({@code outbox.write=table}, the default): each event is a row of {@code outbox}.
 *
 * <p>Each row is inserted and deleted in the same transaction. The relay reads the insert from the database log;
 * the table itself never grows, so no purge job is needed and its index stays tiny. Many events go in one
 * batched insert and one delete, so a consumer that handles a whole poll per transaction pays two round trips.
 */
final class OutboxTableWriter implements OutboxWriter {

    private static final String INSERT = "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload,"
            + " correlation_id, causation_id, traceparent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ANY (?)";

    @Override
    public void append(Connection connection, Collection<OutboxEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        OutboxWriter.requireTransaction(connection);
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
