package dev.orderflow.bench.system;

import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.infra.kafka.KafkaBrokerProcess;
import dev.orderflow.infra.kafka.KafkaBrokerSettings;
import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.PostgresServer;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.infra.registry.SchemaRegistryServer;
import dev.orderflow.infra.registry.SchemaRegistrySettings;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's infrastructure, started once per benchmark invocation: a KRaft broker and the schema
 * registry as child JVMs, and embedded PostgreSQL, started in parallel (as the local platform does). Pipelines
 * run on it one after another, each in databases of its own.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
    /**
     * Generous: on a loaded machine a child JVM can take minutes. The time it took is reported against the
     * 30 s target either way; a slow start should be measured, not abort the run.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final KafkaBrokerProcess broker;
    private final SchemaRegistryServer registry;
    private final EmbeddedPostgresServer postgres;
    private final Duration readyIn;
    private Optional<Long> postmaster;

    private Infrastructure(KafkaBrokerProcess broker, SchemaRegistryServer registry, EmbeddedPostgresServer postgres,
                           Duration readyIn) {
        this.broker = broker;
        this.registry = registry;
        this.postgres = postgres;
        this.readyIn = readyIn;
    }

    /** Starts broker, registry and PostgreSQL in parallel and registers the event schemas. */
    public static Infrastructure start(Path registryJar) {
        long started = System.nanoTime();
        ExecutorService starters = Executors.newFixedThreadPool(3, r -> new Thread(r, "bench-infra-start"));
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            CompletableFuture<KafkaBrokerProcess> broker = startAsync(starters, running,
                    () -> KafkaBrokerProcess.start(KafkaBrokerSettings.builder()
                            .startupTimeout(START_TIMEOUT).build()));
            CompletableFuture<SchemaRegistryServer> registry = startAsync(starters, running,
                    () -> SchemaRegistryServer.start(SchemaRegistrySettings.builder().jar(registryJar)
                            .startupTimeout(START_TIMEOUT).build()));
            CompletableFuture<EmbeddedPostgresServer> postgres = startAsync(starters, running,
                    () -> EmbeddedPostgresServer.start(0));
            CompletableFuture.allOf(broker, registry, postgres).join();
            SchemaRegistrar.withPackagedLevels(registry.join().confluentApiUrl()).registerAll();
            return new Infrastructure(broker.join(), registry.join(), postgres.join(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            closeAll(running);
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof InfrastructureStartException ise ? ise
                    : new InfrastructureStartException("benchmark infrastructure failed to start: "
                    + cause.getMessage(), cause);
        } finally {
            starters.shutdown();
        }
    }

    private static <T extends AutoCloseable> CompletableFuture<T> startAsync(ExecutorService executor,
            Deque<AutoCloseable> running, Supplier<T> starter) {
        return CompletableFuture.supplyAsync(() -> {
            T part = starter.get();
            synchronized (running) {
                running.push(part);
            }
            return part;
        }, executor);
    }

    /** The PostgreSQL server, for a pipeline that makes databases of its own. */
    public PostgresServer postgres() {
        return postgres;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's native API URL, as the services take it. */
    public String registryApiUrl() {
        return registry.registryApiUrl().toString();
    }

    /** From the first start call until every part answered and the schemas were registered. */
    public Duration readyIn() {
        return readyIn;
    }

    /** Creates one database per name; a pipeline prefixes its names if it shares the server with another. */
    public Map<String, ConnectionInfo> createDatabases(List<String> names) {
        Map<String, ConnectionInfo> databases = new LinkedHashMap<>();
        for (String name : names) {
            databases.put(name, postgres.createDatabase(name));
        }
        return databases;
    }

    /** The broker and registry JVMs, by part name. */
    public Map<String, Long> childJvms() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("Kafka broker", broker.pid());
        pids.put("schema registry", registry.pid());
        return pids;
    }

    /**
     * The PostgreSQL postmaster: the parent of any backend. Its children (backends, WAL senders, checkpointer,
     * writers) are the rest of the server. Empty if the server cannot be asked or /proc is not there.
     */
    public synchronized Optional<Long> postmasterPid() {
        if (postmaster == null) {
            try (Connection connection = postgres.connect("postgres");
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                postmaster = row.next() ? ProcFs.parentOf(row.getLong(1)) : Optional.empty();
            } catch (SQLException e) {
                log.warn("cannot find the PostgreSQL processes: {}", e.getMessage());
                postmaster = Optional.empty();
            }
        }
        return postmaster;
    }

    @Override
    public void close() {
        Deque<AutoCloseable> parts = new ArrayDeque<>(List.of(postgres, registry, broker));
        closeAll(parts);
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        synchronized (parts) {
            while (!parts.isEmpty()) {
                AutoCloseable part = parts.pop();
                try {
                    part.close();
                } catch (Exception e) {
                    log.warn("could not stop {} cleanly: {}", part, e.getMessage());
                }
            }
        }
    }
}
