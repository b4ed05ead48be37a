package dev.orderflow.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded server has logical decoding, gives each service a database, and leaves nothing behind. */
class EmbeddedPostgresServerIT {

    @Test
    void startsWithLogicalDecodingAndCleansUp() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long dirsBefore = countPostgresDirs(tmp);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(0);
        int port = server.port();
        try (server) {
            ConnectionInfo db = server.createDatabase("inventory_it");
            try (Connection c = db.connect();
                 Statement s = c.createStatement()) {
                assertThat(scalar(s, "SHOW wal_level")).isEqualTo("logical");
                assertThat(scalar(s, "SHOW synchronous_commit")).as("decoding sees commits at once").isEqualTo("on");
                assertThat(scalar(s, "SELECT current_database()")).isEqualTo("inventory_it");
                s.execute("SELECT pg_create_logical_replication_slot('it_slot', 'pgoutput')");
            }
            server.dropDatabase("inventory_it");
            assertThat(scalar(server, "SELECT count(*) FROM pg_replication_slots")).isEqualTo("0");
            assertThat(scalar(server, "SELECT count(*) FROM pg_database WHERE datname = 'inventory_it'")).isEqualTo("0");
            assertThatThrownBy(() -> server.createDatabase("Robert'); DROP TABLE x;--"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid database name");
        }
        assertThat(LoopbackPorts.isFree(port)).as("postgres port released").isTrue();
        assertThat(countPostgresDirs(tmp)).as("work directory deleted").isEqualTo(dirsBefore);
    }

    private static String scalar(PostgresServer server, String sql) {
        return server.queryString(sql);
    }

    private static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long countPostgresDirs(Path tmp) throws Exception {
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (var dirs = Files.list(tmp)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("postgres-")).count();
        }
    }
}
