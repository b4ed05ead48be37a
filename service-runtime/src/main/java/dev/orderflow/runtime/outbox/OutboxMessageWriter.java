package dev.orderflow.runtime.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;

/**
 * The outbox as a transactional logical decoding message ({@code outbox.write=message}): all events of one call
 * in one message with prefix {@value OutboxMessageCodec#PREFIX}. PostgreSQL puts a transactional message into the
 * log stream of its transaction, so the relay sees it only if the transaction commits, in commit order; nothing is
 * stored in a table, so there is nothing to delete and nothing for vacuum.
 */
final class OutboxMessageWriter implements OutboxWriter {

    private static final String EMIT = "SELECT pg_logical_emit_message(true, ?, ?)";

    private final OutboxMessageCodec codec = new OutboxMessageCodec();
    private final Clock clock;

    OutboxMessageWriter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void append(Connection connection, Collection<OutboxEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        OutboxWriter.requireTransaction(connection);
        try (PreparedStatement emit = connection.prepareStatement(EMIT)) {
            emit.setString(1, OutboxMessageCodec.PREFIX);
            emit.setBytes(2, codec.encode(events, clock.millis()));
            // The function returns the message's log position, which nothing here needs.
            emit.execute();
        }
    }
}
