package dev.orderflow.bench.naive;

import dev.orderflow.bench.naive.LedgerAudit.FinalState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The naive services' state: one row per order in one table, each statement its own transaction (auto-commit), as
 * the shortcut writes it. Also the queries the result is computed from.
 */
final class NaiveOrderStore {

    private final DataSource db;

    NaiveOrderStore(DataSource db) {
        this.db = db;
    }

    void createSchema() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE naive_order (order_id text PRIMARY KEY, state text NOT NULL,"
                    + " placed_at timestamptz NOT NULL, settled_at timestamptz, reason text, reservation_id text,"
                    + " authorization_id text, shipment_id text, delivered_at timestamptz)");
        }
    }

    void placed(String orderId, Instant at) throws SQLException {
        update("INSERT INTO naive_order (order_id, state, placed_at) VALUES (?, 'PLACED', ?)", orderId, time(at));
    }

    void reserved(String orderId, String reservationId) throws SQLException {
        update("UPDATE naive_order SET state = 'RESERVED', reservation_id = ? WHERE order_id = ?", reservationId,
                orderId);
    }

    void authorized(String orderId, String authorizationId) throws SQLException {
        update("UPDATE naive_order SET state = 'AUTHORIZED', authorization_id = ? WHERE order_id = ?",
                authorizationId, orderId);
    }

    void shipped(String orderId, String shipmentId, Instant at) throws SQLException {
        update("UPDATE naive_order SET state = 'SHIPPED', shipment_id = ?, settled_at = ? WHERE order_id = ?",
                shipmentId, time(at), orderId);
    }

    void delivered(String orderId, Instant at) throws SQLException {
        update("UPDATE naive_order SET state = 'DELIVERED', delivered_at = ? WHERE order_id = ?", time(at), orderId);
    }

    /** The shipment ended in an exception at the provider after it was accepted. */
    void fulfillmentException(String orderId, String reason, Instant at) throws SQLException {
        update("UPDATE naive_order SET state = 'FULFILLMENT_EXCEPTION', reason = ?, delivered_at = ?"
                + " WHERE order_id = ?", reason, time(at), orderId);
    }

    /** Ends an order off the happy path: {@code state} is CANCELLED or REJECTED. */
    void ended(String orderId, FinalState state, String reason, Instant at) throws SQLException {
        update("UPDATE naive_order SET state = ?, reason = ?, settled_at = ? WHERE order_id = ?", state.name(), reason,
                time(at), orderId);
    }

    long settled() throws SQLException {
        return countWhere("settled_at IS NOT NULL");
    }

    /** Orders at the end of the workflow: delivered, ended in a fulfillment exception, cancelled or rejected. */
    long finished() throws SQLException {
        return countWhere("state IN ('DELIVERED', 'FULFILLMENT_EXCEPTION', 'CANCELLED', 'REJECTED')");
    }

    long deliveredCount() throws SQLException {
        return countWhere("state = 'DELIVERED'");
    }

    /** Every order's final state; orders still on their way are UNSETTLED. */
    Map<String, FinalState> finalStates() throws SQLException {
        Map<String, FinalState> states = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT order_id, state FROM naive_order")) {
            while (r.next()) {
                String state = r.getString(2);
                states.put(r.getString(1), switch (state) {
                    // Delivered or not, the shipment was accepted: what the providers' books are audited against.
                    case "SHIPPED", "DELIVERED", "FULFILLMENT_EXCEPTION" -> FinalState.SHIPPED;
                    case "CANCELLED", "REJECTED" -> FinalState.valueOf(state);
                    default -> FinalState.UNSETTLED;
                });
            }
        }
        return states;
    }

    static Map<FinalState, Long> count(Map<String, FinalState> states) {
        Map<FinalState, Long> counts = new EnumMap<>(FinalState.class);
        for (FinalState s : FinalState.values()) {
            counts.put(s, 0L);
        }
        states.values().forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }

    /** Placed → shipment accepted, per shipped order. */
    List<Duration> shippingLatencies() throws SQLException {
        List<Duration> latencies = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT placed_at, settled_at FROM naive_order"
                     + " WHERE shipment_id IS NOT NULL")) {
            while (r.next()) {
                latencies.add(Duration.between(r.getObject(1, OffsetDateTime.class),
                        r.getObject(2, OffsetDateTime.class)));
            }
        }
        return latencies;
    }

    /** First order placed → last order settled; zero before anything settled. */
    Duration wallTime() throws SQLException {
        return sinceFirstPlaced("max(settled_at)");
    }

    /** First order placed → last shipment accepted; zero before anything shipped. */
    Duration shippingSpan() throws SQLException {
        return sinceFirstPlaced("max(settled_at) FILTER (WHERE shipment_id IS NOT NULL)");
    }

    /** First order placed → last order delivered; zero before anything was delivered. */
    Duration deliverySpan() throws SQLException {
        return sinceFirstPlaced("max(delivered_at) FILTER (WHERE state = 'DELIVERED')");
    }

    private Duration sinceFirstPlaced(String lastMoment) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT min(placed_at), " + lastMoment + " FROM naive_order")) {
            r.next();
            OffsetDateTime first = r.getObject(1, OffsetDateTime.class);
            OffsetDateTime last = r.getObject(2, OffsetDateTime.class);
            return first == null || last == null ? Duration.ZERO : Duration.between(first, last);
        }
    }

    private long countWhere(String condition) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM naive_order WHERE " + condition)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.executeUpdate();
        }
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
