package dev.orderflow.runtime.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Each consumer's per-order state, stored as JSON in {@code stage_state} with a version. Loaded for a whole batch in
 * one query and saved in one batched statement, so a poll of hundreds of events costs two round trips, not hundreds.
 */
public final class StageStateStore<S> {

    private final String consumer;
    private final Class<S> type;
    private final ObjectMapper json;

    public StageStateStore(String consumer, Class<S> type, ObjectMapper json) {
        this.consumer = consumer;
        this.type = type;
        this.json = json;
    }

    public Map<String, Versioned<S>> load(Connection c, Collection<String> orderIds) throws SQLException {
        Map<String, Versioned<S>> states = new HashMap<>();
        if (orderIds.isEmpty()) {
            return states;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT order_id, state, version FROM stage_state"
                + " WHERE consumer = ? AND order_id = ANY (?)")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("varchar", orderIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    states.put(r.getString(1), new Versioned<>(parse(r.getString(2)), r.getLong(3)));
                }
            }
        }
        return states;
    }

    /**
     * Writes new states; {@code readVersion} is the version each was derived from (0 for a new order). A row whose
     * version moved meanwhile fails the whole transaction as a retryable conflict.
     */
    public void save(Connection c, Map<String, Versioned<S>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO stage_state (consumer, order_id, state, version)"
                + " VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (consumer, order_id) DO UPDATE SET state = excluded.state,"
                + " version = excluded.version, updated_at = now() WHERE stage_state.version = excluded.version - 1")) {
            for (Map.Entry<String, Versioned<S>> change : changes.entrySet()) {
                s.setString(1, consumer);
                s.setString(2, change.getKey());
                s.setString(3, write(change.getValue().state()));
                s.setLong(4, change.getValue().version() + 1);
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            for (int count : counts) {
                if (count == 0) {
                    throw new ClassifiedException(FailureCategory.TRANSIENT,
                            "an order's state changed under this consumer (another owner during a rebalance?)");
                }
            }
        }
    }

    private S parse(String text) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new ClassifiedException(FailureCategory.INTERNAL, "stored state of " + consumer
                    + " cannot be read as " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private String write(S state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new ClassifiedException(FailureCategory.INTERNAL, "state of " + consumer + " cannot be written", e);
        }
    }

    /** A state with the version it was read at (0 when the order had none). */
    public record Versioned<S>(S state, long version) {
    }
}
