package dev.orderflow.launcher.process;

import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.WorkDirectories;
import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.PostgresServer;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.infra.registry.SchemaRegistryServer;
import dev.orderflow.infra.registry.SchemaRegistrySettings;
import dev.orderflow.inventory.InventoryMain;
import dev.orderflow.inventory.InventoryService;
import dev.orderflow.launcher.PlatformSettings;
import dev.orderflow.launcher.PlatformTopics;
import dev.orderflow.orderstream.OrderStreamMain;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.payment.PaymentService;
import dev.orderflow.relay.RelayMain;
import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.shipping.ShippingMain;
import dev.orderflow.shipping.ShippingService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform with every part in its own JVM: a KRaft broker (restartable, its data kept), the schema
 * registry, embedded PostgreSQL with one database per service, the provider sandbox in this JVM (it is the outside
 * world, and its ledger must survive every restart of ours), and as child JVMs the outbox relay, each stage service
 * (one or more instances, one consumer group) and order-stream (one or more instances, one application). Any child
 * can be stopped, killed and started again through {@link #part(Part, int)}.
 */
public final class ProcessPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessPlatform.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration FULFILLMENT_STEP = Duration.ofSeconds(2);
    private static final Map<String, Integer> STOCK = Map.of("SKU-1", 10_000_000, "SKU-2", 10_000_000,
            "SKU-3", 10_000_000, "SKU-4", 10_000_000, "SKU-5", 10_000_000);
    /** The intake API's database, then one per stage service; the relay reads the outbox of each. */
    private static final List<String> DATABASES = List.of("orders", "inventory", "payment", "shipping");

    /** The parts that run as child JVMs. */
    public enum Part {
        RELAY(RelayMain.class.getName(), "outbox-relay", "/health"),
        INVENTORY(InventoryMain.class.getName(), InventoryService.NAME, "/health"),
        PAYMENT(PaymentService.class.getName(), PaymentService.NAME, "/health"),
        SHIPPING(ShippingMain.class.getName(), ShippingService.NAME, "/health"),
        ORDER_STREAM(OrderStreamMain.class.getName(), OrderStreamConfig.CONSUMER_NAME, "/ready");

        private final String mainClass;
        private final String serviceName;
        private final String readyPath;

        Part(String mainClass, String serviceName, String readyPath) {
            this.mainClass = mainClass;
            this.serviceName = serviceName;
            this.readyPath = readyPath;
        }

        /** The name the part uses for its consumer group and dead-letter topic. */
        public String serviceName() {
            return serviceName;
        }

        public boolean isStageService() {
            return this == INVENTORY || this == PAYMENT || this == SHIPPING;
        }
    }

    /**
     * How the platform is laid out.
     *
     * @param faultProfile         the sandbox's profile: none, realistic or harsh ({@code PUT /admin/faults} tunes it)
     * @param serviceInstances     instances of each stage service (one consumer group per service)
     * @param orderStreamInstances instances of order-stream (one Kafka Streams application)
     * @param orderStreamSettings  extra order-stream settings, e.g. {@code escalation.deadline.PLACED=PT2M}
     * @param brokers              1, or a cluster of 3 or more
     * @param outbox               how the stage services and the order intake write their outbox
     */
    public record Options(String faultProfile, int serviceInstances, int orderStreamInstances,
            Map<String, String> orderStreamSettings, int brokers, OutboxMode outbox) {

        public Options {
            if (serviceInstances < 1 || orderStreamInstances < 1) {
                throw new IllegalArgumentException("at least one instance of every part");
            }
            if (brokers != 1 && brokers < 3) {
                throw new IllegalArgumentException("Invalid value " + brokers + " for brokers: 1, or a cluster of 3 or"
                        + " more (replication factor = brokers, min ISR one less)");
            }
            orderStreamSettings = Map.copyOf(orderStreamSettings);
            Objects.requireNonNull(outbox, "outbox");
        }

        public Options(String faultProfile, int serviceInstances, int orderStreamInstances,
                Map<String, String> orderStreamSettings) {
            this(faultProfile, serviceInstances, orderStreamInstances, orderStreamSettings, 1, OutboxMode.TABLE);
        }

        public static Options of(String faultProfile) {
            return new Options(faultProfile, 1, 1, Map.of());
        }
    }

    private final Path workDir;
    private final KeptLogs keptLogs;
    private final Deque<AutoCloseable> infrastructure;
    private final KafkaUnderTest kafka;
    private final String registryUrl;
    private final ProviderSandbox sandbox;
    private final Map<Part, List<ServiceProcess>> parts;

    private ProcessPlatform(Path workDir, KeptLogs keptLogs, Deque<AutoCloseable> infrastructure, KafkaUnderTest kafka,
            String registryUrl, ProviderSandbox sandbox, Map<Part, List<ServiceProcess>> parts) {
        this.workDir = workDir;
        this.keptLogs = keptLogs;
        this.infrastructure = infrastructure;
        this.kafka = kafka;
        this.registryUrl = registryUrl;
        this.sandbox = sandbox;
        this.parts = parts;
    }

    /** Starts everything and returns when every part is ready; on failure stops what started and names the part. */
    public static ProcessPlatform start(Options options) {
        Path workDir = WorkDirectories.createTemp("orderflow-processes");
        Deque<AutoCloseable> infrastructure = new ArrayDeque<>();
        KeptLogs keptLogs = new KeptLogs();
        infrastructure.push(() -> {
            if (!keptLogs.kept) {
                WorkDirectories.deleteRecursively(workDir);
            }
        });
        try {
            CompletableFuture<KafkaUnderTest> broker = CompletableFuture.supplyAsync(() -> options.brokers() == 1
                    ? KafkaUnderTest.singleBroker(workDir.resolve("kafka"))
                    : KafkaUnderTest.cluster(options.brokers(), OrderTopics.DEFAULT_PARTITIONS));
            CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(
                    () -> EmbeddedPostgresServer.start(0, false));
            CompletableFuture<SchemaRegistryServer> registry = CompletableFuture.supplyAsync(
                    () -> SchemaRegistryServer.start(SchemaRegistrySettings.builder().port(0).build()));
            CompletableFuture.allOf(broker, postgres, registry).exceptionally(e -> null).join();
            for (CompletableFuture<? extends AutoCloseable> part : List.of(postgres, registry, broker)) {
                if (!part.isCompletedExceptionally()) {
                    infrastructure.push(part.join());
                }
            }
            CompletableFuture.allOf(broker, postgres, registry).join();
            SchemaRegistrar.withPackagedLevels(registry.join().confluentApiUrl()).registerAll();
            Map<String, ConnectionInfo> databases = databases(postgres.join());
            String bootstrap = broker.join().bootstrapServers();
            short replicas = broker.join().replicationFactor();
            createTopics(bootstrap, replicas);
            ProviderSandbox sandbox = ProviderSandbox.start(SandboxConfig.builder().faultProfile(options.faultProfile())
                    .initialStock(STOCK).fulfillmentStepInterval(FULFILLMENT_STEP).build());
            infrastructure.push(sandbox);
            String registryUrl = registry.join().registryApiUrl().toString();
            Map<Part, List<ServiceProcess>> parts = parts(options, workDir, bootstrap, registryUrl, databases,
                    sandbox.baseUri(), replicas);
            ProcessPlatform platform = new ProcessPlatform(workDir, keptLogs, infrastructure, broker.join(),
                    registryUrl, sandbox, parts);
            platform.startParts();
            return platform;
        } catch (RuntimeException e) {
            closeAll(infrastructure);
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof InfrastructureStartException ise ? ise
                    : new InfrastructureStartException("process platform failed to start: " + cause.getMessage(), cause);
        }
    }

    private static Map<String, ConnectionInfo> databases(PostgresServer postgres) {
        Map<String, ConnectionInfo> databases = new LinkedHashMap<>();
        for (String name : DATABASES) {
            ConnectionInfo db = postgres.createDatabase(name);
            DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
            databases.put(name, db);
        }
        return databases;
    }

    private static void createTopics(String bootstrap, short replicas) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            PlatformTopics.create(admin, stageServiceNames(), OrderTopics.DEFAULT_PARTITIONS, replicas);
        }
    }

    private static List<String> stageServiceNames() {
        return List.of(Part.INVENTORY.serviceName(), Part.PAYMENT.serviceName(), Part.SHIPPING.serviceName());
    }

    private static Map<Part, List<ServiceProcess>> parts(Options options, Path workDir, String bootstrap,
            String registryUrl, Map<String, ConnectionInfo> databases, URI sandbox, short replicas) {
        Map<Part, List<ServiceProcess>> parts = new EnumMap<>(Part.class);
        int relayPort = port();
        Map<String, String> relaySettings = PlatformSettings.relay(bootstrap, databases, relayPort);
        relaySettings.put(RelayConfig.OFFSET_TOPIC_REPLICATION_FACTOR, Short.toString(replicas));
        parts.put(Part.RELAY, List.of(ServiceProcess.of(new ServiceProcess.Spec("outbox-relay", Part.RELAY.mainClass,
                relaySettings, relayPort, Part.RELAY.readyPath, "384m"),
                workDir, READY_TIMEOUT)));
        Map<Part, String> databaseOf = Map.of(Part.INVENTORY, "inventory", Part.PAYMENT, "payment",
                Part.SHIPPING, "shipping");
        for (Part part : List.of(Part.INVENTORY, Part.PAYMENT, Part.SHIPPING)) {
            List<ServiceProcess> instances = new ArrayList<>();
            for (int i = 1; i <= options.serviceInstances(); i++) {
                int port = port();
                Map<String, String> settings = PlatformSettings.stageService(bootstrap, registryUrl,
                        databases.get(databaseOf.get(part)), sandbox, port, options.outbox());
                instances.add(ServiceProcess.of(new ServiceProcess.Spec(part.serviceName() + "-" + i, part.mainClass,
                        settings, port, part.readyPath, "256m"), workDir, READY_TIMEOUT));
            }
            parts.put(part, List.copyOf(instances));
        }
        List<ServiceProcess> streams = new ArrayList<>();
        for (int i = 1; i <= options.orderStreamInstances(); i++) {
            int port = port();
            Map<String, String> settings = PlatformSettings.orderStream(bootstrap, registryUrl,
                    databases.get("orders"), port, workDir.resolve("order-stream-state-" + i), options.outbox());
            // Changelog and repartition topics as durable as the platform's own.
            settings.put(OrderStreamConfig.STREAMS_PREFIX + "replication.factor", Short.toString(replicas));
            settings.putAll(options.orderStreamSettings());
            streams.add(ServiceProcess.of(new ServiceProcess.Spec("order-stream-" + i, Part.ORDER_STREAM.mainClass,
                    settings, port, Part.ORDER_STREAM.readyPath, "384m"), workDir, READY_TIMEOUT));
        }
        parts.put(Part.ORDER_STREAM, List.copyOf(streams));
        return parts;
    }

    private static int port() {
        return LoopbackPorts.pick();
    }

    /** The relay first (its replication slots must exist before a service commits), then the rest in parallel. */
    private void startParts() {
        part(Part.RELAY, 0).start();
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        parts.forEach((part, instances) -> {
            if (part != Part.RELAY) {
                instances.forEach(instance -> starts.add(CompletableFuture.runAsync(instance::start)));
            }
        });
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        log.info("process platform ready: broker {}, sandbox {}, order API {}", bootstrapServers(), sandbox.baseUri(),
                orderApi(0));
    }

    /** One instance of a part, counted from 0. */
    public ServiceProcess part(Part part, int instance) {
        return parts.get(part).get(instance);
    }

    public List<ServiceProcess> instances(Part part) {
        return parts.get(part);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The schema registry's Apicurio API, as the services are configured with it. */
    public String registryUrl() {
        return registryUrl;
    }

    public URI sandbox() {
        return sandbox.baseUri();
    }

    /** The order API ({@code POST /orders}, {@code GET /orders/{id}}) of one order-stream instance. */
    public URI orderApi(int instance) {
        return URI.create("http://127.0.0.1:" + part(Part.ORDER_STREAM, instance).httpPort() + "/");
    }

    /** Every consumer with a dead-letter topic: the stage services and order-stream. */
    public List<String> consumers() {
        List<String> consumers = new ArrayList<>(stageServiceNames());
        consumers.add(Part.ORDER_STREAM.serviceName());
        return List.copyOf(consumers);
    }

    /** The order API of every order-stream instance. */
    public List<URI> orderApis() {
        List<URI> apis = new ArrayList<>();
        for (int i = 0; i < instances(Part.ORDER_STREAM).size(); i++) {
            apis.add(orderApi(i));
        }
        return List.copyOf(apis);
    }

    /** Where every part's settings and log are (deleted on close unless {@link #keepLogs()} was called). */
    public Path workDir() {
        return workDir;
    }

    /** Leaves {@link #workDir()} with every part's log in place on close, for a run that failed. */
    public void keepLogs() {
        keptLogs.kept = true;
    }

    /** Whether close deletes the work directory; decided after start, read by the last step of close. */
    private static final class KeptLogs {
        private volatile boolean kept;
    }

    /**
     * What {@link #disruptKafka()} does: a single broker is stopped (SIGTERM, a controlled shutdown) and started
     * again on the same ports and data; a cluster loses one node to SIGKILL, which is then started again.
     */
    public String kafkaDisruption() {
        return kafka.disruption();
    }

    /** Takes Kafka (or one of its nodes) away and brings it back; every client reconnects on its own. */
    public void disruptKafka() {
        log.info("kafka: {}", kafka.disruption());
        kafka.disrupt();
    }

    /** Stops every part: the children first, gracefully and in parallel, then the infrastructure. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        parts.forEach((part, instances) -> {
            if (part != Part.RELAY) {
                instances.forEach(instance -> stops.add(CompletableFuture.runAsync(instance::close)));
            }
        });
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        part(Part.RELAY, 0).close();
        synchronized (this) {
            closeAll(infrastructure);
        }
    }

    private static void closeAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly: {}", part, e.getMessage());
            }
        }
    }
}
