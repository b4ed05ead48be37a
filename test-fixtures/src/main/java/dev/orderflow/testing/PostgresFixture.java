package dev.orderflow.testing;

import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.ExternalPostgresServer;
import dev.orderflow.infra.postgres.PostgresServer;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL server shared by every integration test of a JVM: the server named by
 * {@code orderflow.test.postgres.url}, else a container or the embedded (zonky) binaries, as {@link FixtureMode}
 * decides; each has {@code wal_level=logical}. Each test asks for its own database; all of them (and their
 * replication slots) are dropped when the JVM's tests are done.
 */
public final class PostgresFixture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresFixture.class);

    private final PostgresServer server;
    private final Optional<Runnable> container;

    private PostgresFixture(PostgresServer server, Optional<Runnable> container) {
        this.server = server;
        this.container = container;
    }

    static PostgresFixture start(FixtureMode mode) {
        Optional<String> external = TestSettings.get("orderflow.test.postgres.url");
        if (external.isPresent()) {
            PostgresServer server = ExternalPostgresServer.connect(external.get(),
                    TestSettings.get("orderflow.test.postgres.user").orElse("postgres"),
                    TestSettings.get("orderflow.test.postgres.password").orElse(""));
            log.info("integration tests use {}", server.describe());
            return new PostgresFixture(server, Optional.empty());
        }
        if (mode == FixtureMode.CONTAINERS) {
            long started = System.nanoTime();
            PostgreSQLContainer<?> container = ContainerInfrastructure.postgres();
            try {
                PostgresServer server = ExternalPostgresServer.connect(container.getJdbcUrl(),
                        container.getUsername(), container.getPassword());
                log.info("integration tests use the container {} at {} (ready in {} ms)",
                        container.getDockerImageName(), container.getJdbcUrl(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return new PostgresFixture(server, Optional.of(container::stop));
            } catch (RuntimeException e) {
                container.stop();
                throw e;
            }
        }
        PostgresServer server = EmbeddedPostgresServer.start(0);
        log.info("integration tests use {} (ready in {} ms)", server.describe(), server.startupTime().toMillis());
        return new PostgresFixture(server, Optional.empty());
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
        try {
            server.close();
        } finally {
            container.ifPresent(Runnable::run);
        }
    }
}
