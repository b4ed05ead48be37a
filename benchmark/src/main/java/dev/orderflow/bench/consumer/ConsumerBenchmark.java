package dev.orderflow.bench.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.infra.WorkDirectories;
import dev.orderflow.infra.kafka.KafkaBrokerProcess;
import dev.orderflow.infra.kafka.KafkaBrokerSettings;
import dev.orderflow.infra.kafka.KafkaTopics;
import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.infra.registry.SchemaRegistryServer;
import dev.orderflow.infra.registry.SchemaRegistrySettings;
import dev.orderflow.runtime.consumer.ConsumerSettings;
import dev.orderflow.runtime.consumer.EventConsumer;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.jdbc.StageDataSources;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.provider.ProviderClient;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.runtime.service.StageServiceRunner;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The consumer runtime draining a backlog of {@code OrderPlaced} events through a stage that calls the provider
 * sandbox over HTTP, writes its state and one outbox event per order: events/s for each configuration asked for
 * (worker threads × records per poll), on one broker process, one PostgreSQL and one registry.
 */
final class ConsumerBenchmark {

    record Settings(int orders, List<Integer> workerThreads, List<Integer> maxPollRecords, Path registryJar) {
    }

    record Run(int workerThreads, int maxPollRecords, int orders, Duration took) {
        double perSecond() {
            return orders / (took.toNanos() / 1e9);
        }
    }

    private static final int PARTITIONS = 6;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

    private final Settings settings;
    private final PrintWriter out;

    ConsumerBenchmark(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    List<Run> run() throws Exception {
        progress("starting a broker process, PostgreSQL, the schema registry and the provider sandbox ...");
        Path dataDir = WorkDirectories.createTemp("consumer-benchmark");
        List<Run> runs = new ArrayList<>();
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(KafkaBrokerSettings.builder()
                .partitions(PARTITIONS).maxHeap("512m").build());
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0);
             SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.builder()
                     .jar(settings.registryJar()).port(0).build());
             ProviderSandbox sandbox = ProviderSandbox.start(SandboxConfig.builder()
                     .initialStock(Map.of("SKU-1", Integer.MAX_VALUE / 2)).build())) {
            SchemaRegistrar.withPackagedLevels(registry.confluentApiUrl()).registerAll();
            RegistrySettings registrySettings = RegistrySettings.of(registry.registryApiUrl().toString());
            int runNo = 0;
            for (int threads : settings.workerThreads()) {
                for (int maxPoll : settings.maxPollRecords()) {
                    runNo++;
                    String name = "bench-consumer-" + runNo;
                    String topic = "bench.orders." + runNo;
                    createTopics(broker.bootstrapServers(), topic, name);
                    produceBacklog(broker.bootstrapServers(), topic, registrySettings);
                    ConnectionInfo db = postgres.createDatabase("bench_consumer_" + runNo);
                    DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
                    Run run = drain(name, topic, threads, maxPoll, broker.bootstrapServers(), registrySettings, db,
                            sandbox);
                    progress(String.format("    worker.threads=%d max.poll.records=%d: %d orders in %.1f s = %.0f"
                            + " orders/s", threads, maxPoll, run.orders(), run.took().toMillis() / 1000.0,
                            run.perSecond()));
                    runs.add(run);
                }
            }
        } finally {
            WorkDirectories.deleteRecursively(dataDir);
        }
        return runs;
    }

    private Run drain(String name, String topic, int threads, int maxPoll, String bootstrap,
            RegistrySettings registry, ConnectionInfo db, ProviderSandbox sandbox) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerSettings.NAME, name);
        config.put(ConsumerSettings.BOOTSTRAP_SERVERS, bootstrap);
        config.put(ConsumerSettings.INPUT_TOPICS, topic);
        config.put(ConsumerSettings.REGISTRY_URL, registry.apiUrl().toString());
        config.put(ConsumerSettings.WORKER_THREADS, Integer.toString(threads));
        config.put(ConsumerSettings.MAX_POLL_RECORDS, Integer.toString(maxPoll));
        progress("(" + name + ") draining " + settings.orders() + " orders with worker.threads=" + threads
                + ", max.poll.records=" + maxPoll + " ...");
        // The pool a stage service opens, so the runtime is measured with its own database settings.
        try (HikariDataSource dataSource = StageDataSources.open(name, db.jdbcUrl(), db.user(), db.password(), 4);
             ProviderClient provider = new ProviderClient(sandbox.baseUri(), Duration.ofSeconds(1),
                     new ObjectMapper())) {
            ObjectMapper json = StageServiceRunner.stateJson();
            StageCallExecutor calls = new StageCallExecutor(StagePolicyConfig.load("inventory", Map.of(),
                    Map.of("max.concurrent.calls", "256")), meters, Clock.systemUTC());
            BenchReserveHandler handler = new BenchReserveHandler(provider, calls);
            long started = System.nanoTime();
            EventConsumer<BenchReserveHandler.State> consumer = EventConsumer.start(new ConsumerSettings(config),
                    handler, dataSource, meters, Clock.systemUTC(), json);
            try {
                long deadline = started + DRAIN_TIMEOUT.toNanos();
                while (processed(dataSource) < settings.orders()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(name + " did not drain within " + DRAIN_TIMEOUT);
                    }
                    // A measurement loop, not coordination: look at the progress a few times a second.
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                return new Run(threads, maxPoll, settings.orders(), Duration.ofNanos(System.nanoTime() - started));
            } finally {
                consumer.close();
            }
        }
    }

    private static long processed(HikariDataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM processed_event")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void produceBacklog(String bootstrap, String topic, RegistrySettings registry) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Serializer<SpecificRecord> avro = EventSerdes.valueSerializer(registry);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < settings.orders(); i++) {
                String orderId = UUID.randomUUID().toString();
                producer.send(new ProducerRecord<>(topic, orderId.getBytes(StandardCharsets.UTF_8),
                        avro.serialize(topic, order(orderId))));
            }
            producer.flush();
        }
    }

    private static void createTopics(String bootstrap, String topic, String consumer) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            KafkaTopics.createAndAwait(admin, List.of(new NewTopic(topic, PARTITIONS, (short) 1),
                    new NewTopic(consumer + ".replay", PARTITIONS, (short) 1),
                    new NewTopic(consumer + ".dlq", PARTITIONS, (short) 1)), Duration.ofSeconds(30));
        }
    }

    private static OrderPlaced order(String orderId) {
        return OrderPlaced.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId)
                        .setCorrelationId(orderId).setCausationId(null).setOccurredAt(Instant.now())
                        .setProducer("benchmark").setAttempt(1).build())
                .setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(1).setUnitPriceMinor(1000)
                        .build()))
                .setCurrency("EUR").setTotalMinor(1000)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Vienna").setPostalCode("1010").setRegion(null).setCountryCode("AT")
                        .build())
                .setPaymentMethodToken("tok_visa").build();
    }

    private void progress(String line) {
        out.println(line);
        out.flush();
    }
}
