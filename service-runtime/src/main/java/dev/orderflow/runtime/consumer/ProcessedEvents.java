package dev.orderflow.runtime.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The idempotent consumer's memory ({@code processed_event}): which event ids this consumer already applied. */
final class ProcessedEvents {

    private final String consumer;

    ProcessedEvents(String consumer) {
        this.consumer = consumer;
    }

    Set<UUID> alreadyProcessed(Connection c, Collection<UUID> eventIds) throws SQLException {
        Set<UUID> known = new HashSet<>();
        if (eventIds.isEmpty()) {
            return known;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT event_id FROM processed_event WHERE consumer = ? AND event_id = ANY (?)")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    known.add(r.getObject(1, UUID.class));
                }
            }
        }
        return known;
    }

    /**
     * Records the ids in the caller's transaction. A conflict means another owner applied the same event
     * concurrently; the unique key makes the whole transaction fail rather than apply it twice.
     */
    void record(Connection c, Collection<UUID> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::uuid[])")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("uuid", eventIds.toArray()));
            s.executeUpdate();
        }
    }
}
