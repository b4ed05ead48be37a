package dev.orderflow.e2e;

import dev.orderflow.infra.WorkDirectories;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.inventory.InventoryService;
import dev.orderflow.launcher.PlatformServices;
import dev.orderflow.launcher.PlatformSettings;
import dev.orderflow.launcher.PlatformTopics;
import dev.orderflow.orderstream.OrderStreamApp;
import dev.orderflow.payment.PaymentService;
import dev.orderflow.relay.OutboxRelay;
import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.runtime.service.StageService;
import dev.orderflow.runtime.service.StageServiceRunner;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.shipping.ShippingService;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform in the test JVM, on the shared real fixtures: the platform's topics, one migrated database per
 * service, the outbox relay (streaming before any service commits), the provider sandbox, the three stage services
 * and order-stream with its intake ({@code POST /orders}). The same wiring as platform-launcher's
 * {@code PlatformServices}, with what the scenarios need on top: stage services that can be stopped and started
 * again, stock that runs out, fast fulfillment and short deferral schedules.
 *
 * <p>It uses the product's default topic names, consumer groups and Streams application id (the scenarios test the
 * product as deployed), so a test JVM runs one platform at a time; replication slots and the relay's offset topic
 * get unique names because the PostgreSQL server may be shared with other runs.
 */
final class E2ePlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(E2ePlatform.class);
    private static final Duration RELAY_READY = Duration.ofSeconds(90);
    /** Each shipment moves picked → packed → handed over → delivered this fast, so an order is delivered in seconds. */
    private static final Duration FULFILLMENT_STEP = Duration.ofMillis(300);

    static final String INVENTORY = InventoryService.NAME;
    static final String PAYMENT = PaymentService.NAME;
    static final String SHIPPING = ShippingService.NAME;
    /** A SKU the stock provider knows but has none of. */
    static final String SOLD_OUT_SKU = "SKU-SOLD-OUT";
    static final List<String> STOCKED_SKUS = List.of("SKU-1", "SKU-2");

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, StageService> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> serviceSettings = new HashMap<>();
    private final Map<String, ConnectionInfo> databases = new LinkedHashMap<>();
    private final Map<String, StageServiceRunner> runners = new HashMap<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KafkaFixture kafka;
    private final SchemaRegistryFixture registry;
    private final OutboxMode outbox;
    private ProviderSandbox sandbox;
    private URI orderApi;

    private E2ePlatform(KafkaFixture kafka, SchemaRegistryFixture registry, OutboxMode outbox) {
        this.kafka = kafka;
        this.registry = registry;
        this.outbox = outbox;
        services.put(INVENTORY, new InventoryService());
        services.put(PAYMENT, new PaymentService());
        services.put(SHIPPING, new ShippingService());
    }

    /** @param outbox how the stage services and the intake write their outbox */
    static E2ePlatform start(KafkaFixture kafka, PostgresFixture postgres, SchemaRegistryFixture registry,
                             OutboxMode outbox) throws InterruptedException {
        E2ePlatform platform = new E2ePlatform(kafka, registry, outbox);
        try {
            platform.startAll(postgres);
            return platform;
        } catch (RuntimeException | InterruptedException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(PostgresFixture postgres) throws InterruptedException {
        long started = System.nanoTime();
        SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl())).registerAll();
        PlatformTopics.create(kafka.admin(), List.copyOf(services.keySet()), OrderTopics.DEFAULT_PARTITIONS);
        for (String name : List.of(PlatformServices.ORDERS_DATABASE, "inventory", "payment", "shipping")) {
            ConnectionInfo db = postgres.newDatabase("e2e_" + name);
            DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
            databases.put(name, db);
        }
        OutboxRelay relay = OutboxRelay.start(new RelayConfig(relaySettings(databases)), meters);
        running.push(relay);
        if (!relay.awaitStreaming(RELAY_READY)) {
            throw new IllegalStateException("the outbox relay did not stream within " + RELAY_READY.toSeconds() + " s");
        }
        sandbox = ProviderSandbox.start(SandboxConfig.builder().faultProfile("none")
                .initialStock(Map.of(STOCKED_SKUS.get(0), 10_000, STOCKED_SKUS.get(1), 10_000, SOLD_OUT_SKU, 0))
                .fulfillmentStepInterval(FULFILLMENT_STEP).build());
        running.push(sandbox);
        running.push(this::stopServices);
        for (Map.Entry<String, StageService> service : services.entrySet()) {
            String database = service.getValue().stage();
            serviceSettings.put(service.getKey(), stageSettings(service.getValue(), databases.get(database)));
            startService(service.getKey());
        }
        Path stateDir = WorkDirectories.createTemp("e2e-order-stream");
        running.push(() -> WorkDirectories.deleteRecursively(stateDir));
        OrderStreamApp orderStream = PlatformServices.startOrderStream(kafka.bootstrapServers(),
                registry.apicurioApiUrl(), stateDir, databases.get(PlatformServices.ORDERS_DATABASE), outbox, running);
        running.push(orderStream);
        orderApi = URI.create("http://127.0.0.1:" + orderStream.httpPort() + "/");
        log.info("e2e platform ready in {} ms: order API {}, sandbox {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), orderApi, sandbox.baseUri());
    }

    /** The platform's relay settings, with an offset topic and slots of this run's own. */
    private Map<String, String> relaySettings(Map<String, ConnectionInfo> databases) {
        Map<String, String> settings = PlatformSettings.relay(kafka.bootstrapServers(), databases,
                PlatformSettings.NO_HTTP);
        settings.put(RelayConfig.OFFSET_TOPIC, UniqueNames.of("e2e-relay-offsets"));
        databases.keySet().forEach(name -> settings.put(RelayConfig.SOURCE_PREFIX + name + ".slot",
                UniqueNames.identifier("e2e_outbox_" + name)));
        return settings;
    }

    /**
     * A stage service's settings: its database, the sandbox, and schedules short enough for a test (a deferred
     * inventory retry after 1 s, the fulfillment progress polled every second). Everything else is the product's
     * default policy.
     */
    private Map<String, String> stageSettings(StageService service, ConnectionInfo db) {
        Map<String, String> settings = PlatformSettings.stageService(kafka.bootstrapServers(),
                registry.apicurioApiUrl(), db, sandbox.baseUri(), PlatformSettings.NO_HTTP, outbox);
        settings.put("jdbc.pool.size", "4");
        settings.put("worker.threads", "4");
        String policy = "policy." + service.stage() + ".";
        settings.put(policy + "deferral.schedule", "1s");
        if (service.stage().equals("shipping")) {
            settings.put(policy + "status.query.schedule", "1s");
        }
        return settings;
    }

    /** Starts a stage service (again) with the settings it had: same database, same consumer group. */
    synchronized void startService(String name) {
        if (runners.containsKey(name)) {
            throw new IllegalStateException(name + " is running");
        }
        runners.put(name, StageServiceRunner.start(services.get(name), serviceSettings.get(name), meters,
                Clock.systemUTC()));
    }

    /** Stops a stage service as a deployment would: finishes the batch in flight, commits, leaves the group. */
    synchronized void stopService(String name) {
        StageServiceRunner runner = runners.remove(name);
        if (runner == null) {
            throw new IllegalStateException(name + " is not running");
        }
        runner.close();
    }

    synchronized boolean isRunning(String name) {
        return runners.containsKey(name) && runners.get(name).consumer().isRunning();
    }

    private synchronized void stopServices() {
        for (String name : List.copyOf(runners.keySet())) {
            stopService(name);
        }
    }

    URI orderApi() {
        return orderApi;
    }

    /**
     * Rows ever inserted into {@code table} of a platform database ({@code inventory}, {@code payment},
     * {@code shipping}, {@code orders}), from PostgreSQL's statistics: they reach it a moment after each commit.
     */
    long rowsInserted(String database, String table) throws SQLException {
        try (Connection c = databases.get(database).connect();
             PreparedStatement query = c.prepareStatement(
                     "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    URI sandboxUri() {
        return sandbox.baseUri();
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String registryApiUrl() {
        return registry.apicurioApiUrl();
    }

    KafkaFixture kafka() {
        return kafka;
    }

    /** Meters of every part: the stage call executors count the quick retries they make or are refused. */
    SimpleMeterRegistry meters() {
        return meters;
    }

    @Override
    public void close() {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly: {}", part, e.toString());
            }
        }
    }
}
