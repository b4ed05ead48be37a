package dev.orderflow.shipping.adapter.feed;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The right to read the feed for one consumer, held as a PostgreSQL session advisory lock on a connection kept for
 * the purpose: one reader among a service's instances, and a reader that dies (its connection closes) hands over to
 * the next by itself. The cursor is written on the same connection, so a reader that lost its session can no
 * longer move it.
 */
final class FeedLease implements AutoCloseable {

    private final Connection connection;
    private final String consumer;
    private final long lockKey;

    private FeedLease(Connection connection, String consumer, long lockKey) {
        this.connection = connection;
        this.consumer = consumer;
        this.lockKey = lockKey;
    }

    /** The lease, or empty when another instance holds it. */
    static Optional<FeedLease> tryAcquire(DataSource dataSource, String consumer) throws SQLException {
        long key = lockKey(consumer);
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return Optional.of(new FeedLease(c, consumer, key));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return Optional.empty();
    }

    /** The sequence after which the feed is still to be read; empty before the first page was published. */
    OptionalLong storedCursor() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT after_sequence FROM fulfillment_feed_cursor WHERE consumer = ?")) {
            s.setString(1, consumer);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    void advance(long afterSequence, Instant now) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO fulfillment_feed_cursor"
                + " (consumer, after_sequence, updated_at) VALUES (?, ?, ?) ON CONFLICT (consumer) DO UPDATE SET"
                + " after_sequence = EXCLUDED.after_sequence, updated_at = EXCLUDED.updated_at")) {
            s.setString(1, consumer);
            s.setLong(2, afterSequence);
            s.setTimestamp(3, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    /**
     * Unlocks and gives the connection back; a connection that cannot unlock is aborted instead, because a pooled
     * connection would keep the lock for the session.
     */
    @Override
    public void close() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, lockKey);
            s.execute();
        } catch (SQLException e) {
            connection.abort(Runnable::run);
            throw e;
        }
        connection.close();
    }

    /** One lock per consumer name, stable across versions (the lock is shared by instances of any version). */
    static long lockKey(String consumer) {
        return UUID.nameUUIDFromBytes(("fulfillment-feed/" + consumer).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }
}
