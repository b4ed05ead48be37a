package dev.orderflow.testing;

import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.ExternalPostgresServer;
import dev.orderflow.infra.postgres.PostgresServer;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server shared by every integration test of a JVM: embedded (zonky binaries) by default, or the
 * server named by {@code orderflow.test.postgres.url}. Each test asks for its own database; all of them (and their
 * replication slots) are dropped when the JVM's tests are done.
 */
public final class PostgresFixture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresFixture.class);

    private final PostgresServer server;

    private PostgresFixture(PostgresServer server) {
        this.server = server;
    }

    static PostgresFixture start() {
        PostgresServer server = TestSettings.get("orderflow.test.postgres.url")
                .<PostgresServer>map(url -> ExternalPostgresServer.connect(url,
                        TestSettings.get("orderflow.test.postgres.user").orElse("postgres"),
                        TestSettings.get("orderflow.test.postgres.password").orElse("")))
                .orElseGet(() -> EmbeddedPostgresServer.start(0));
        log.info("integration tests use {} (ready in {} ms)", server.describe(), server.startupTime().toMillis());
        return new PostgresFixture(server);
    }

    public PostgresServer server() {
        return server;
    }

    /** A new, empty database with a unique name starting with {@code prefix}. */
    public ConnectionInfo newDatabase(String prefix) {
        return server.createDatabase(UniqueNames.identifier(prefix));
    }

    public Connection connect(ConnectionInfo database) throws SQLException {
        return database.connect();
    }

    @Override
    public void close() {
        server.close();
    }
}
