package dev.orderflow.launcher;

import dev.orderflow.infra.WorkDirectories;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.orderstream.OrderStreamApp;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.orderstream.intake.IntakeService;
import dev.orderflow.runtime.serde.EventSerdes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.Optional;
import dev.orderflow.inventory.InventoryService;
import dev.orderflow.payment.PaymentService;
import dev.orderflow.shipping.ShippingService;
import dev.orderflow.relay.OutboxRelay;
import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.runtime.service.StageService;
import dev.orderflow.runtime.service.StageServiceRunner;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own parts on top of the infrastructure, in the order their guarantees need: topics; every service
 * database migrated (the outbox publication must exist); the outbox relay, whose replication slots must exist
 * before any service commits an event; the provider sandbox; then the stage services. Stopped in reverse order.
 * The same wiring a production deployment does with one process per part.
 */
public final class PlatformServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformServices.class);
    private static final Duration RELAY_READY = Duration.ofSeconds(60);
    /** The order intake API's database (idempotency keys, outbox of OrderPlaced). */
    public static final String ORDERS_DATABASE = "orders";
    /** Shipments move picked → packed → handed over → delivered this fast, so a demo run ends in delivery. */
    public static final Duration FULFILLMENT_STEP = Duration.ofSeconds(2);
    /** What the load generator orders: five SKUs, stocked for long runs. */
    public static final Map<String, Integer> STOCK = Map.of("SKU-1", 1_000_000, "SKU-2", 1_000_000,
            "SKU-3", 1_000_000, "SKU-4", 1_000_000, "SKU-5", 1_000_000);

    private final Deque<AutoCloseable> running;
    private final Map<String, String> endpoints;
    private final URI sandboxUri;
    private final List<String> consumers;

    private final URI orderApi;

    private PlatformServices(Deque<AutoCloseable> running, Map<String, String> endpoints, URI sandboxUri,
            URI orderApi, List<String> consumers) {
        this.running = running;
        this.endpoints = endpoints;
        this.sandboxUri = sandboxUri;
        this.orderApi = orderApi;
        this.consumers = List.copyOf(consumers);
    }

    public URI orderApi() {
        return orderApi;
    }

    public URI sandboxUri() {
        return sandboxUri;
    }

    public List<String> consumers() {
        return consumers;
    }

    /** The stage services the platform runs, by the database each owns. */
    static Map<String, StageService> stageServices() {
        Map<String, StageService> services = new LinkedHashMap<>();
        services.put("inventory", new InventoryService());
        services.put("payment", new PaymentService());
        services.put("shipping", new ShippingService());
        return services;
    }

    static PlatformServices start(String bootstrapServers, String registryApiUrl, Map<String, ConnectionInfo> databases,
            String faultProfile, OutboxMode outbox, MeterRegistry meters) throws InterruptedException {
        return start(bootstrapServers, registryApiUrl, databases, faultProfile, outbox, Map.of(), meters);
    }

    /**
     * Starts the platform's parts on running infrastructure (the benchmark's way in).
     *
     * @param databases        one per name in {@link #databasesNeeded()} plus {@link #ORDERS_DATABASE}
     * @param outbox           how every part writes its outbox (the stage services and the order intake)
     * @param serviceOverrides settings the stage services get on top of the platform's (e.g. {@code policy.*}); a key
     *                         that only some services define (their own keys) goes to those only
     */
    public static PlatformServices start(String bootstrapServers, String registryApiUrl,
            Map<String, ConnectionInfo> databases, String faultProfile, OutboxMode outbox,
            Map<String, String> serviceOverrides, MeterRegistry meters) throws InterruptedException {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        Map<String, String> endpoints = new LinkedHashMap<>();
        try {
            Map<String, StageService> services = stageServices();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                int created = PlatformTopics.create(admin, services.values().stream().map(StageService::name).toList(),
                        OrderTopics.DEFAULT_PARTITIONS).size();
                endpoints.put("  " + created + " topics", OrderTopics.DEFAULT_PARTITIONS + " partitions per order topic");
            }
            for (ConnectionInfo db : databases.values()) {
                DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
            }

            OutboxRelay relay = OutboxRelay.start(new RelayConfig(PlatformSettings.relay(bootstrapServers, databases,
                    PlatformSettings.NO_HTTP)), meters);
            running.push(relay);
            if (!relay.awaitStreaming(RELAY_READY)) {
                throw new IllegalStateException("the outbox relay did not start streaming within "
                        + RELAY_READY.toSeconds() + " s");
            }
            endpoints.put("Outbox relay", "sources " + String.join(", ", databases.keySet()));

            ProviderSandbox sandbox = ProviderSandbox.start(SandboxConfig.builder().faultProfile(faultProfile)
                    .initialStock(STOCK).fulfillmentStepInterval(FULFILLMENT_STEP).build());
            running.push(sandbox);
            endpoints.put("Provider sandbox (" + faultProfile + " faults)", sandbox.baseUri().toString());

            for (Map.Entry<String, StageService> entry : services.entrySet()) {
                ConnectionInfo db = databases.get(entry.getKey());
                StageServiceRunner runner = StageServiceRunner.start(entry.getValue(),
                        serviceSettings(bootstrapServers, registryApiUrl, db, sandbox.baseUri(), outbox,
                                overridesFor(entry.getValue(), services.values(), serviceOverrides)), meters,
                        Clock.systemUTC());
                running.push(runner);
                endpoints.put(entry.getValue().name(), "database " + entry.getKey());
            }
            java.nio.file.Path stateDir = WorkDirectories.createTemp("order-stream-state");
            running.push(() -> WorkDirectories.deleteRecursively(stateDir));
            OrderStreamApp orderStream = startOrderStream(bootstrapServers, registryApiUrl, stateDir,
                    databases.get(ORDERS_DATABASE), outbox, running);
            running.push(orderStream);
            URI orderApi = URI.create("http://127.0.0.1:" + orderStream.httpPort() + "/");
            endpoints.put("order-stream (order API, POST /orders)", orderApi.resolve("/orders").toString());
            return new PlatformServices(running, endpoints, sandbox.baseUri(), orderApi,
                    services.values().stream().map(StageService::name).toList());
        } catch (RuntimeException | InterruptedException e) {
            closeAll(running);
            throw e;
        }
    }

    /**
     * order-stream (with the order intake on {@code intakeDb}) as the local platform runs it: HTTP on a free port,
     * punctuation every second, state in {@code stateDir}. The intake service is pushed onto {@code running}, for the
     * caller to close after the app.
     */
    public static OrderStreamApp startOrderStream(String bootstrapServers, String registryApiUrl,
            java.nio.file.Path stateDir, ConnectionInfo intakeDb, OutboxMode outbox, Deque<AutoCloseable> running) {
        Map<String, String> settings = PlatformSettings.orderStream(bootstrapServers, registryApiUrl, intakeDb, 0,
                stateDir, outbox);
        OrderStreamConfig config = new OrderStreamConfig(settings);
        IntakeService intake = IntakeService.start(config.intakeDatabase().orElseThrow(), config.registry());
        running.push(intake);
        return OrderStreamApp.start(config, EventSerdes.valueSerde(config.registry()), Optional.of(intake.handler()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The overrides without the keys of other services' own (a key no service knows stays, and stops start-up). */
    static Map<String, String> overridesFor(StageService service, Collection<StageService> all,
            Map<String, String> overrides) {
        Map<String, String> own = new HashMap<>(overrides);
        for (StageService other : all) {
            other.settingsDefinition().names().stream()
                    .filter(key -> !service.settingsDefinition().names().contains(key)).forEach(own::remove);
        }
        return own;
    }

    private static Map<String, String> serviceSettings(String bootstrapServers, String registryApiUrl,
            ConnectionInfo db, URI provider, OutboxMode outbox, Map<String, String> overrides) {
        Map<String, String> settings = PlatformSettings.stageService(bootstrapServers, registryApiUrl, db, provider,
                PlatformSettings.NO_HTTP, outbox);
        settings.putAll(overrides);
        return settings;
    }

    Map<String, String> endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        closeAll(running);
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly: {}", part, e.getMessage());
            }
        }
    }

    /** The stage services' databases (the order intake's is {@link #ORDERS_DATABASE}). */
    public static List<String> databasesNeeded() {
        return List.copyOf(stageServices().keySet());
    }
}
