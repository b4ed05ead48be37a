package dev.orderflow.runtime.deferred;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code deferred_action} table of one consumer. Every method runs on the caller's connection, so deferrals are
 * written in the same transaction as the state change that asked for them.
 */
public final class DeferredActionStore {

    private static final String COLUMNS = "id, seq, order_id, partition_no, kind, payload, source, attempts,"
            + " next_attempt_at, deadline, created_at";

    private final String consumer;

    public DeferredActionStore(String consumer) {
        this.consumer = consumer;
    }

    /**
     * Due actions on the given partitions, oldest first. Only the partitions this instance owns are asked for, so
     * an order's deferred work runs where its events run, in the same single pipeline.
     */
    public List<DeferredAction> due(Connection c, Collection<Integer> partitions, Instant now, int limit)
            throws SQLException {
        if (partitions.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM deferred_action"
                + " WHERE consumer = ? AND partition_no = ANY (?) AND next_attempt_at <= ? ORDER BY seq LIMIT ?")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("integer", partitions.toArray()));
            s.setTimestamp(3, Timestamp.from(now));
            s.setInt(4, limit);
            return read(s);
        }
    }

    /** For each of these orders that has parked events: how many, and when the last of them is due. */
    public Map<String, ParkedLine> parkedEventOrders(Connection c, Collection<String> orderIds) throws SQLException {
        Map<String, ParkedLine> parked = new HashMap<>();
        if (orderIds.isEmpty()) {
            return parked;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT order_id, count(*), max(next_attempt_at)"
                + " FROM deferred_action WHERE consumer = ? AND order_id = ANY (?) AND kind LIKE 'event/%'"
                + " GROUP BY order_id")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("varchar", orderIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    parked.put(r.getString(1), new ParkedLine(r.getInt(2), r.getTimestamp(3).toInstant()));
                }
            }
        }
        return parked;
    }

    /** Pending actions of one order (for inspection and tests). */
    public List<DeferredAction> ofOrder(Connection c, String orderId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM deferred_action"
                + " WHERE consumer = ? AND order_id = ? ORDER BY seq")) {
            s.setString(1, consumer);
            s.setString(2, orderId);
            return read(s);
        }
    }

    public long pendingCount(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM deferred_action WHERE consumer = ?")) {
            s.setString(1, consumer);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Schedules (or replaces) actions. A replaced action keeps its id and sequence and counts one more attempt;
     * {@code attemptsIfNew} is what a new row starts with.
     */
    public void upsert(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO deferred_action (id, consumer, order_id,"
                + " partition_no, kind, payload, source, attempts, next_attempt_at, deadline)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (consumer, order_id, kind) DO UPDATE SET"
                + " payload = excluded.payload, next_attempt_at = excluded.next_attempt_at,"
                + " deadline = excluded.deadline, attempts = deferred_action.attempts + excluded.attempts")) {
            for (Row row : rows) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, consumer);
                s.setString(3, row.orderId());
                s.setInt(4, row.partition());
                s.setString(5, row.kind());
                s.setBytes(6, row.payload());
                s.setString(7, row.source());
                s.setInt(8, row.attemptIncrement());
                s.setTimestamp(9, Timestamp.from(row.dueAt()));
                s.setTimestamp(10, Timestamp.from(row.deadline()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public void delete(Connection c, Collection<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM deferred_action WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            s.setArray(1, array);
            s.executeUpdate();
        }
    }

    /**
     * Cancels pending actions of the given kinds, per order (e.g. the re-check an operator's resolution made moot),
     * with one statement: a batch may cancel for hundreds of orders, and one round trip each was most of a commit.
     */
    public void cancel(Connection c, Map<String, ? extends Collection<String>> kindsByOrder) throws SQLException {
        List<String> orders = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        kindsByOrder.forEach((order, orderKinds) -> orderKinds.forEach(kind -> {
            orders.add(order);
            kinds.add(kind);
        }));
        if (orders.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM deferred_action d"
                + " USING unnest(?::varchar[], ?::varchar[]) AS cancelled (order_id, kind)"
                + " WHERE d.consumer = ? AND d.order_id = cancelled.order_id AND d.kind = cancelled.kind")) {
            s.setArray(1, c.createArrayOf("varchar", orders.toArray()));
            s.setArray(2, c.createArrayOf("varchar", kinds.toArray()));
            s.setString(3, consumer);
            s.executeUpdate();
        }
    }

    /**
     * Moves every parked event of an order to one due time, so they come back together and in order after the
     * head of the line was put off again.
     */
    public void realignParkedEvents(Connection c, String orderId, Instant dueAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE deferred_action SET next_attempt_at = ?"
                + " WHERE consumer = ? AND order_id = ? AND kind LIKE 'event/%'")) {
            s.setTimestamp(1, Timestamp.from(dueAt));
            s.setString(2, consumer);
            s.setString(3, orderId);
            s.executeUpdate();
        }
    }

    private static List<DeferredAction> read(PreparedStatement s) throws SQLException {
        List<DeferredAction> actions = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                actions.add(new DeferredAction(r.getObject(1, UUID.class), r.getLong(2), r.getString(3), r.getInt(4),
                        r.getString(5), r.getBytes(6), r.getString(7), r.getInt(8), r.getTimestamp(9).toInstant(),
                        r.getTimestamp(10).toInstant(), r.getTimestamp(11).toInstant()));
            }
        }
        return actions;
    }

    /** The parked events waiting for one order: how many, and when the last is due. */
    public record ParkedLine(int count, Instant lastDueAt) {
    }

    /** A row to schedule: {@code attemptIncrement} is added to the attempts of a replaced row (0 keeps them). */
    public record Row(String orderId, int partition, String kind, byte[] payload, String source, int attemptIncrement,
            Instant dueAt, Instant deadline) {
    }
}
