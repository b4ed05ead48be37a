package dev.orderflow.runtime.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stage services' pool on a real PostgreSQL: once the dedupe table has grown, the dedupe query looks its ids up in
 * the primary key, where a default connection keeps the plan it cached while the table was empty, which reads every
 * id the consumer ever recorded.
 */
@ExtendWith(RealInfrastructure.class)
class StageDataSourcesIT {

    private static final String DEDUPE = "SELECT event_id FROM processed_event WHERE consumer = $1 AND event_id = ANY ($2)";

    @Test
    void theDedupeQueryLooksItsIdsUpInTheKeyAfterTheServerCachedItsPlanOnAnEmptyTable(PostgresFixture postgres)
            throws SQLException {
        ConnectionInfo db = postgres.newDatabase("plans_it");
        DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());

        try (HikariDataSource pool = StageDataSources.open("plans-it", db.jdbcUrl(), db.user(), db.password(), 2);
             Connection plain = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Connection stage = pool.getConnection();
             Statement s = plain.createStatement()) {
            useWhileEmpty(plain);
            useWhileEmpty(stage);
            s.execute("INSERT INTO processed_event (consumer, event_id) SELECT 'inventory', gen_random_uuid()"
                    + " FROM generate_series(1, 50000)");

            assertThat(plan(plain)).as("PostgreSQL's default: the generic plan made on the empty table")
                    .contains("Filter: (event_id = ANY ($2))");
            assertThat(plan(stage)).as("the stage pool's: planned for the table as it is now")
                    .containsPattern("Index Cond: .*event_id = ANY")
                    .doesNotContain("Filter");
        }
    }

    /** Runs the dedupe query prepared, often enough for the server to consider a generic plan. */
    private static void useWhileEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PREPARE dedupe(varchar, uuid[]) AS " + DEDUPE);
            for (int i = 0; i < 6; i++) {
                s.execute("EXECUTE dedupe('inventory', " + ids() + ")");
            }
        }
    }

    private static String plan(Connection c) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("EXPLAIN EXECUTE dedupe('inventory', " + ids() + ")")) {
            while (r.next()) {
                plan.append(r.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String ids() {
        return "ARRAY['" + UUID.randomUUID() + "', '" + UUID.randomUUID() + "']::uuid[]";
    }
}
