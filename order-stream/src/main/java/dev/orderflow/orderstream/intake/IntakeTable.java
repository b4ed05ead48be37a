package dev.orderflow.orderstream.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The statements on {@code order_intake} (migration {@code V100__order_intake.sql}). */
final class IntakeTable {

    /*
     * ON CONFLICT DO NOTHING rather than catching 23505: a unique violation aborts the whole PostgreSQL
     * transaction, while this leaves it usable for the read of the winner's row. Under READ COMMITTED, an insert
     * that meets a concurrent uncommitted row with the same key waits for that transaction, then does nothing if
     * it committed (or inserts if it rolled back), so exactly one request per key records an order.
     */
    private static final String CLAIM = "INSERT INTO order_intake (idempotency_key, request_fingerprint, order_id,"
            + " response_status) VALUES (?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";
    private static final String FIND = "SELECT request_fingerprint, order_id, response_status FROM order_intake"
            + " WHERE idempotency_key = ?";

    /** Records the key for this request; false when another request already holds it. */
    boolean claim(Connection connection, IntakeRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, record.key().value());
            insert.setString(2, record.fingerprint().hex());
            insert.setObject(3, record.orderId());
            insert.setInt(4, record.responseStatus());
            return insert.executeUpdate() == 1;
        }
    }

    /** The request that first used the key, if it is committed. */
    Optional<IntakeRecord> find(Connection connection, IdempotencyKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND)) {
            select.setString(1, key.value());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IntakeRecord(key, new RequestFingerprint(rs.getString(1)),
                        rs.getObject(2, UUID.class), rs.getInt(3)));
            }
        }
    }
}
