package dev.orderflow.infra.postgres;

import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.infra.WorkDirectories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL from zonky's binaries in Maven jars: nothing to install. Configured for the outbox relay's
 * logical decoding. As root it needs user namespaces ({@code unshare -U}); where they are missing, initdb refuses
 * to run as root and the error says so — then point the project at a server instead
 * ({@link ExternalPostgresServer}).
 */
public final class EmbeddedPostgresServer extends PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path workDir;
    private final Duration startupTime;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path workDir, Duration startupTime) {
        this.postgres = postgres;
        this.workDir = workDir;
        this.startupTime = startupTime;
    }

    /**
     * Starts a fresh server on {@code port} (0 = a free port) with its data in a new temp directory that is
     * deleted on close.
     */
    public static EmbeddedPostgresServer start(int port) {
        return start(port, true);
    }

    /**
     * @param stopOnJvmExit whether the server stops itself when the JVM exits; an owner that stops everything in
     *                      order from its own shutdown hook passes false, so the database outlives its clients
     */
    public static EmbeddedPostgresServer start(int port, boolean stopOnJvmExit) {
        long started = System.nanoTime();
        Path workDir = WorkDirectories.createTemp("postgres-");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.resolve("bin").toFile())
                    .setDataDirectory(workDir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(stopOnJvmExit)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "32")
                    .setServerConfig("max_wal_senders", "32")
                    .setServerConfig("max_connections", "200")
                    // zonky turns synchronous_commit off by default; logical decoding only sees flushed WAL, so
                    // asynchronous commits would hold every outbox row back (up to wal_writer_delay, or until
                    // the next flush) before the relay could see it.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("shared_buffers", "128MB");
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, workDir, took);
            server.requireLogicalDecoding();
            log.info("embedded postgresql ready on port {} in {} ms", postgres.getPort(), took.toMillis());
            return server;
        } catch (IOException | RuntimeException e) {
            WorkDirectories.deleteRecursively(workDir);
            throw new InfrastructureStartException("embedded postgresql failed to start: " + e.getMessage()
                    + " (as root this needs user namespaces; or set a JDBC URL to use a PostgreSQL server)", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    protected String adminDatabase() {
        return "postgres";
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL (zonky binaries) on 127.0.0.1:" + postgres.getPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("embedded postgresql did not stop cleanly: {}", e.getMessage());
        } finally {
            WorkDirectories.deleteRecursively(workDir);
        }
    }
}
