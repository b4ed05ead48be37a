package dev.orderflow.launcher;

import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.launcher.demo.DemoRun;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.infra.kafka.KafkaBrokerProcess;
import dev.orderflow.infra.kafka.KafkaBrokerSettings;
import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.ExternalPostgresServer;
import dev.orderflow.infra.postgres.PostgresServer;
import dev.orderflow.infra.registry.SchemaRegistryServer;
import dev.orderflow.infra.registry.SchemaRegistrySettings;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine with nothing installed: a Kafka broker process, PostgreSQL and the schema
 * registry, started in parallel (start-up time is the slowest part's, not the sum), and stopped in reverse order.
 */
final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    private final Deque<AutoCloseable> running;
    private final List<Long> childPids;
    private final Duration readyIn;
    private final List<Endpoint> endpoints;
    private final DemoRun.Endpoints demoEndpoints;

    private LocalPlatform(Deque<AutoCloseable> running, List<Long> childPids, Duration readyIn,
                          List<Endpoint> endpoints, DemoRun.Endpoints demoEndpoints) {
        this.running = running;
        this.childPids = List.copyOf(childPids);
        this.readyIn = readyIn;
        this.endpoints = List.copyOf(endpoints);
        this.demoEndpoints = demoEndpoints;
    }

    /** Where the demo's load generator, monitor and audit find the parts. */
    DemoRun.Endpoints demoEndpoints() {
        return demoEndpoints;
    }

    /** Where a part listens, for the start-up banner. */
    record Endpoint(String part, String address, Duration startedIn) {
    }

    static LocalPlatform start(LocalPlatformSettings settings) {
        long started = System.nanoTime();
        ExecutorService starters = Executors.newFixedThreadPool(3, r -> new Thread(r, "platform-start"));
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            CompletableFuture<KafkaBrokerProcess> kafka = startAsync(starters, running, () ->
                    KafkaBrokerProcess.start(KafkaBrokerSettings.builder().brokerPort(settings.kafkaPort()).build()));
            CompletableFuture<PostgresServer> postgres = startAsync(starters, running, () -> startPostgres(settings));
            CompletableFuture<SchemaRegistryServer> registry = startAsync(starters, running, () ->
                    SchemaRegistryServer.start(SchemaRegistrySettings.builder()
                            .jar(settings.registryJar()).port(settings.registryPort()).build()));
            CompletableFuture.allOf(kafka, postgres, registry).join();
            // The platform stops everything itself, services before the infrastructure they use, from one hook.
            kafka.join().detachShutdownHook();
            registry.join().detachShutdownHook();
            List<Endpoint> endpoints = new ArrayList<>();
            endpoints.add(new Endpoint("Kafka broker (KRaft)", kafka.join().bootstrapServers(),
                    kafka.join().startupTime()));
            endpoints.add(new Endpoint("Schema registry (Confluent API)", registry.join().confluentApiUrl().toString(),
                    registry.join().startupTime()));
            int registered = SchemaRegistrar.withPackagedLevels(registry.join().confluentApiUrl()).registerAll().size();
            endpoints.add(new Endpoint("  " + registered + " event schemas registered", "subject = record full name",
                    Duration.ZERO));
            endpoints.add(new Endpoint("PostgreSQL", postgres.join().describe(), postgres.join().startupTime()));
            Map<String, ConnectionInfo> databases = new LinkedHashMap<>();
            for (String database : settings.serviceDatabases()) {
                ConnectionInfo db = postgres.join().createDatabase(database);
                databases.put(database, db);
                endpoints.add(new Endpoint("  database " + database, db.jdbcUrl(), Duration.ZERO));
            }
            long servicesStarted = System.nanoTime();
            PlatformServices services = PlatformServices.start(kafka.join().bootstrapServers(),
                    registry.join().registryApiUrl().toString(), databases, settings.faultProfile(),
                    settings.outbox(), new SimpleMeterRegistry());
            synchronized (running) {
                running.push(services);
            }
            Duration servicesIn = Duration.ofNanos(System.nanoTime() - servicesStarted);
            services.endpoints().forEach((part, address) -> endpoints.add(new Endpoint(part, address,
                    part.startsWith(" ") ? Duration.ZERO : servicesIn)));
            DemoRun.Endpoints demo = new DemoRun.Endpoints(kafka.join().bootstrapServers(),
                    registry.join().registryApiUrl().toString(), services.sandboxUri(), services.orderApi(),
                    services.consumers());
            return new LocalPlatform(running, List.of(kafka.join().pid(), registry.join().pid()),
                    Duration.ofNanos(System.nanoTime() - started), endpoints, demo);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAll(running);
            throw new InfrastructureStartException("interrupted while starting the platform", e);
        } catch (RuntimeException e) {
            closeAll(running);
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof InfrastructureStartException ise ? ise
                    : new InfrastructureStartException("local platform failed to start: " + cause.getMessage(), cause);
        } finally {
            starters.shutdown();
        }
    }

    private static <T extends AutoCloseable> CompletableFuture<T> startAsync(ExecutorService executor,
                                                                             Deque<AutoCloseable> running,
                                                                             Supplier<T> starter) {
        return CompletableFuture.supplyAsync(() -> {
            T part = starter.get();
            synchronized (running) {
                running.push(part);
            }
            return part;
        }, executor);
    }

    private static PostgresServer startPostgres(LocalPlatformSettings settings) {
        return settings.externalPostgres()
                .<PostgresServer>map(pg -> ExternalPostgresServer.connect(pg.adminJdbcUrl(), pg.user(), pg.password()))
                .orElseGet(() -> EmbeddedPostgresServer.start(settings.postgresPort(), false));
    }

    Duration readyIn() {
        return readyIn;
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Process ids of the parts that run as child processes, for the banner and for RSS measurements. */
    List<Long> childPids() {
        return childPids;
    }

    /** Stops every part, the last started first. Idempotent. */
    @Override
    public void close() {
        closeAll(running);
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
