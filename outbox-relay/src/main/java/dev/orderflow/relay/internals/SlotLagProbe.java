package dev.orderflow.relay.internals;

import dev.orderflow.relay.config.SourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how much WAL a source's slot holds beyond the position the relay confirmed. A growing figure means
 * the relay is behind or stuck; the database keeps all of it on disk until the relay confirms.
 */
public final class SlotLagProbe implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SlotLagProbe.class);
    private static final String LAG = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint"
            + " FROM pg_replication_slots WHERE slot_name = ?";

    private final SourceConfig source;
    private final RelayMetrics metrics;

    public SlotLagProbe(SourceConfig source, RelayMetrics metrics) {
        this.source = source;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try (Connection c = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password());
             PreparedStatement s = c.prepareStatement(LAG)) {
            s.setString(1, source.slot());
            try (ResultSet rs = s.executeQuery()) {
                metrics.slotLag(rs.next() ? rs.getLong(1) : -1);
            }
        } catch (SQLException e) {
            metrics.slotLag(-1);
            log.debug("{}: slot lag unknown: {}", source, e.getMessage());
        }
    }
}
