package dev.orderflow.runtime.deferred;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.runtime.deferred.DeferredActionStore.Row;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cancelling deferred work for many orders of a batch at once, on a real PostgreSQL. */
@ExtendWith(RealInfrastructure.class)
class DeferredActionStoreIT {

    private static final Instant DUE = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void oneCancelRemovesExactlyTheNamedKindsOfTheNamedOrdersOfThisConsumer(PostgresFixture postgres)
            throws SQLException {
        ConnectionInfo db = postgres.newDatabase("deferred_it");
        DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
        DeferredActionStore shipping = new DeferredActionStore("shipping");
        DeferredActionStore other = new DeferredActionStore("other");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            shipping.upsert(c, List.of(row("o-1", "poll"), row("o-1", "retry"), row("o-2", "poll"),
                    row("o-2", "retry"), row("o-3", "poll")));
            other.upsert(c, List.of(row("o-1", "poll")));

            shipping.cancel(c, Map.of("o-1", List.of("poll"), "o-2", List.of("poll", "retry"), "o-9",
                    List.of("poll")));
            shipping.cancel(c, Map.of());

            assertThat(remaining(c)).containsExactlyInAnyOrder("shipping/o-1/retry", "shipping/o-3/poll",
                    "other/o-1/poll");
        }
    }

    private static Row row(String order, String kind) {
        return new Row(order, 0, kind, null, null, 1, DUE, DUE.plusSeconds(3600));
    }

    private static Set<String> remaining(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT consumer, order_id, kind FROM deferred_action")) {
            while (r.next()) {
                rows.add(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3));
            }
        }
        return Set.copyOf(rows);
    }
}
