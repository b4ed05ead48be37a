package dev.orderflow.runtime.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.provider.ProviderClient;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumer runtime on a real broker, PostgreSQL, schema registry and the provider sandbox over HTTP: the
 * guarantees a stage service inherits from it.
 */
@ExtendWith(RealInfrastructure.class)
class ConsumerRuntimeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final KafkaFixture kafka;
    private final PostgresFixture postgres;
    private final SchemaRegistryFixture registry;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HttpClient http = HttpClient.newHttpClient();
    private String consumerName;
    private String input;
    private HikariDataSource dataSource;
    private ProviderSandbox sandbox;
    private Serializer<SpecificRecord> avro;

    ConsumerRuntimeIT(KafkaFixture kafka, PostgresFixture postgres, SchemaRegistryFixture registry) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.registry = registry;
    }

    @BeforeEach
    void setUp() throws Exception {
        SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl())).registerAll();
        avro = EventSerdes.valueSerializer(RegistrySettings.of(registry.apicurioApiUrl()));
        consumerName = UniqueNames.of("inventory-it");
        input = UniqueNames.of("orders");
        kafka.createTopics(input, consumerName + ".replay", consumerName + ".dlq");
        ConnectionInfo db = postgres.newDatabase("runtime_it");
        DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(pool);
        resources.add(dataSource);
        // Every outbox insert is copied, because insert-then-delete leaves the outbox itself empty.
        sql("CREATE TABLE outbox_copy AS SELECT * FROM outbox WITH NO DATA;"
                + " CREATE FUNCTION copy_outbox() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN INSERT INTO outbox_copy SELECT NEW.*; RETURN NEW; END $$;"
                + " CREATE TRIGGER outbox_copy AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION copy_outbox();");
        sandbox = ProviderSandbox.start(SandboxConfig.builder().initialStock(Map.of("SKU-1", 1_000)).build());
        resources.add(sandbox);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void aRedeliveredAndAReplayedEventHaveNoSecondEffect() throws Exception {
        EventConsumer<ReserveStockHandler.State> consumer = start(handler());
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(TestOrders.placed(UniqueNames.of("order"), "SKU-1", 1));
        }
        for (OrderPlaced order : orders) {
            send(input, order);
            send(input, order);                             // redelivery, as after a relay crash
            send(consumerName + ".replay", order);         // an operator's replay of the same event
        }

        awaitCaughtUp(Set.of(input, consumerName + ".replay"));
        assertThat(count("SELECT count(*) FROM processed_event")).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM stage_state WHERE state->>'status' = 'RESERVED'")).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM outbox_copy WHERE type = 'dev.orderflow.events.InventoryReserved'"))
                .isEqualTo(20);
        assertThat(ledger("STOCK_RESERVED")).as("one reservation per order at the provider").hasSize(20);
        assertThat(meters.counter("orderflow.consumer.duplicates.skipped", "consumer", consumerName).count())
                .isEqualTo(40);
        assertThat(invariantsHold()).isTrue();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndThePartitionKeepsFlowing() throws Exception {
        EventConsumer<ReserveStockHandler.State> consumer = start(handler());
        String orderId = UniqueNames.of("order");
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
        OrderPlaced wrongKey = TestOrders.placed(UniqueNames.of("order"), "SKU-1", 1);
        OrderPlaced invalid = OrderPlaced.newBuilder(TestOrders.placed(orderId, "SKU-1", 1)).setLineItems(List.of())
                .build();
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            ProducerRecord<byte[], byte[]> bad = new ProducerRecord<>(input, orderId.getBytes(StandardCharsets.UTF_8),
                    poison);
            bad.headers().add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
            producer.send(bad).get();
            producer.send(new ProducerRecord<>(input, orderId.getBytes(StandardCharsets.UTF_8),
                    avro.serialize(input, wrongKey))).get();
            producer.send(new ProducerRecord<>(input, orderId.getBytes(StandardCharsets.UTF_8),
                    avro.serialize(input, invalid))).get();
        }
        OrderPlaced good = TestOrders.placed(orderId, "SKU-1", 2);
        send(input, good);       // same key, same partition, after the poison

        awaitCaughtUp(Set.of(input));
        assertThat(count("SELECT count(*) FROM stage_state WHERE order_id = '" + orderId + "'")).isEqualTo(1);
        List<ConsumerRecord<byte[], byte[]>> letters = readAll(consumerName + ".dlq", 3);
        assertThat(letters).hasSize(3);
        ConsumerRecord<byte[], byte[]> first = letters.get(0);
        assertThat(first.value()).isEqualTo(poison);
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo(orderId);
        assertThat(DeadLetterHeaders.text(first.headers(), "traceparent")).contains("00-abc-def-01");
        assertThat(DeadLetterHeaders.text(first.headers(), DeadLetterHeaders.ORIGINAL_TOPIC)).contains(input);
        assertThat(DeadLetterHeaders.text(first.headers(), DeadLetterHeaders.CONSUMER_GROUP)).contains(consumerName);
        assertThat(DeadLetterHeaders.text(first.headers(), DeadLetterHeaders.FAILURE_CATEGORY)).contains("MALFORMED");
        for (String header : List.of(DeadLetterHeaders.ORIGINAL_PARTITION, DeadLetterHeaders.ORIGINAL_OFFSET,
                DeadLetterHeaders.ORIGINAL_TIMESTAMP, DeadLetterHeaders.EXCEPTION_CLASS,
                DeadLetterHeaders.EXCEPTION_MESSAGE, DeadLetterHeaders.EXCEPTION_STACKTRACE, DeadLetterHeaders.ATTEMPTS,
                DeadLetterHeaders.FIRST_FAILURE, DeadLetterHeaders.LAST_FAILURE)) {
            assertThat(DeadLetterHeaders.text(first.headers(), header)).as(header).isPresent();
        }
        assertThat(DeadLetterHeaders.text(letters.get(1).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE).orElseThrow())
                .contains("differs from the event's order id");
        assertThat(DeadLetterHeaders.text(letters.get(2).headers(), DeadLetterHeaders.EXCEPTION_MESSAGE).orElseThrow())
                .contains("lineItems: at least one");
        assertThat(consumer.isRunning()).isTrue();
    }

    @Test
    void aCrashBetweenTheProviderCallAndTheCommitCausesNoSecondSideEffect() throws Exception {
        // The first two commits fail after the provider calls were made, as a crash or lost database would.
        sql("CREATE SEQUENCE crash_counter;"
                + " CREATE FUNCTION crash_twice() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF nextval('crash_counter') <= 2 THEN RAISE EXCEPTION 'simulated crash before commit'"
                + " USING ERRCODE = '40001'; END IF; RETURN NEW; END $$;"
                + " CREATE TRIGGER crash BEFORE INSERT ON processed_event FOR EACH STATEMENT"
                + " EXECUTE FUNCTION crash_twice();");
        ReserveStockHandler handler = handler();
        EventConsumer<ReserveStockHandler.State> consumer = start(handler);
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            OrderPlaced order = TestOrders.placed(UniqueNames.of("order"), "SKU-1", 1);
            orderIds.add(order.getMetadata().getOrderId());
            send(input, order);
        }

        awaitCaughtUp(Set.of(input));
        assertThat(meters.counter("orderflow.consumer.batch.retries", "consumer", consumerName).count())
                .isGreaterThanOrEqualTo(2);
        assertThat(handler.handled.size()).as("events were handled more than once").isGreaterThan(10);
        List<JsonNode> reservations = ledger("STOCK_RESERVED");
        assertThat(reservations).hasSize(10);
        assertThat(reservations.stream().map(r -> r.path("orderId").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(orderIds);
        assertThat(count("SELECT count(*) FROM outbox_copy")).isEqualTo(10);
        assertThat(invariantsHold()).isTrue();
    }

    @Test
    void aRetryableFailureParksTheEventAndTheOrdersLaterEventsWaitBehindIt() throws Exception {
        // Every reserve call fails with 503 until the fault is lifted: the first event of the order is parked.
        adminFaults("{\"profile\": \"none\", \"overrides\": {\"stock.reserve\": {\"overloadRate\": 1.0,"
                + " \"retryAfterSeconds\": 1}}}");
        ReserveStockHandler handler = handler();
        EventConsumer<ReserveStockHandler.State> consumer = start(handler);
        String orderId = UniqueNames.of("order");
        OrderPlaced first = TestOrders.placed(orderId, "SKU-1", 1);
        OrderPlaced second = TestOrders.placed(orderId, "SKU-1", 1);
        send(input, first);
        await("first event parked").atMost(WAIT).until(() -> count("SELECT count(*) FROM deferred_action") == 1);
        send(input, second);
        await("second event queued behind it").atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM deferred_action") == 2);
        assertThat(count("SELECT count(*) FROM processed_event")).isZero();

        adminFaults("{\"profile\": \"none\"}");
        await("both delivered from the parking lot").atMost(WAIT)
                .until(() -> count("SELECT count(*) FROM deferred_action") == 0);
        assertThat(count("SELECT count(*) FROM processed_event")).isEqualTo(2);
        List<String> order = handler.handled.stream().filter(h -> h.startsWith(orderId + "/")).distinct().toList();
        assertThat(order).as("handled in arrival order").containsExactly(
                orderId + "/" + first.getMetadata().getEventId(), orderId + "/" + second.getMetadata().getEventId());
        String state = text("SELECT state::text FROM stage_state WHERE order_id = '" + orderId + "'");
        assertThat(JSON.readTree(state).path("seenEvents").get(1).asText())
                .isEqualTo(second.getMetadata().getEventId().toString());
        assertThat(consumer.isRunning()).isTrue();
    }

    @Test
    void twoInstancesShareTheWorkAndARebalanceMidStreamCausesNoDoubleEffect() throws Exception {
        EventConsumer<ReserveStockHandler.State> first = start(handler());
        EventConsumer<ReserveStockHandler.State> second = start(handler());
        await("both instances hold partitions").atMost(WAIT)
                .until(() -> !first.assignment().isEmpty() && !second.assignment().isEmpty());
        List<String> orderIds = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            for (int i = 0; i < 300; i++) {
                OrderPlaced order = TestOrders.placed(UniqueNames.of("order"), "SKU-1", 1);
                orderIds.add(order.getMetadata().getOrderId());
                producer.send(new ProducerRecord<>(input, orderIds.get(i).getBytes(StandardCharsets.UTF_8),
                        avro.serialize(input, order)));
                if (i == 150) {
                    producer.flush();
                    second.close();    // leaves the group mid-stream: its partitions move to the first instance
                }
            }
        }
        assertThat(second.isRunning()).isFalse();

        awaitCaughtUp(Set.of(input));
        assertThat(count("SELECT count(*) FROM processed_event")).isEqualTo(300);
        assertThat(count("SELECT count(*) FROM outbox_copy")).isEqualTo(300);
        assertThat(ledger("STOCK_RESERVED")).hasSize(300);
        assertThat(invariantsHold()).isTrue();
    }

    @Test
    void theLoopsOfOneInstanceSplitThePartitionsAndKeepEachOrdersEventsInOrder() throws Exception {
        ReserveStockHandler handler = handler();
        Map<String, Object> settings = settings();
        settings.put(ConsumerSettings.LOOP_THREADS, KafkaFixture.PARTITIONS);
        ConsumerLoops loops = ConsumerLoops.start(new ConsumerSettings(settings), handler, dataSource, meters,
                Clock.systemUTC(), JSON);
        resources.add(loops);
        await("every loop holds one partition of the input").atMost(WAIT).until(() -> loops.loops().stream()
                .allMatch(l -> l.assignment().stream().filter(tp -> tp.topic().equals(input)).count() == 1));

        String prefix = UniqueNames.of("order");
        Map<String, List<String>> sentByOrder = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 150; i++) {
                    String orderId = prefix + "-" + i;
                    OrderPlaced event = TestOrders.placed(orderId, "SKU-1", 1);
                    sentByOrder.computeIfAbsent(orderId, k -> new ArrayList<>())
                            .add(orderId + "/" + event.getMetadata().getEventId());
                    producer.send(new ProducerRecord<>(input, orderId.getBytes(StandardCharsets.UTF_8),
                            avro.serialize(input, event)));
                }
            }
        }

        awaitCaughtUp(Set.of(input));
        assertThat(count("SELECT count(*) FROM processed_event")).isEqualTo(300);
        assertThat(ledger("STOCK_RESERVED")).as("one reservation per order").hasSize(150);
        List<String> handled = List.copyOf(handler.handled);
        sentByOrder.forEach((orderId, sent) -> assertThat(handled.stream()
                .filter(h -> h.startsWith(orderId + "/")).distinct().toList())
                .as("events of %s handled in the order they were sent", orderId).containsExactlyElementsOf(sent));
        assertThat(invariantsHold()).isTrue();

        loops.close();
        assertThat(loops.loops()).noneMatch(EventConsumer::isRunning);
        assertThat(loops.isRunning()).isFalse();
    }

    private ReserveStockHandler handler() {
        ProviderClient stock = new ProviderClient(sandbox.baseUri(), Duration.ofSeconds(2), JSON);
        StageCallExecutor calls = new StageCallExecutor(StagePolicyConfig.load("inventory",
                Map.of(), Map.of("max.quick.retries", "1")), meters, Clock.systemUTC());
        return new ReserveStockHandler(stock, calls, "order.inventory");
    }

    private EventConsumer<ReserveStockHandler.State> start(ReserveStockHandler handler) {
        EventConsumer<ReserveStockHandler.State> consumer = EventConsumer.start(new ConsumerSettings(settings()),
                handler, dataSource, meters, Clock.systemUTC(), JSON);
        resources.add(consumer);
        return consumer;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerSettings.NAME, consumerName);
        settings.put(ConsumerSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(ConsumerSettings.INPUT_TOPICS, input);
        settings.put(ConsumerSettings.REGISTRY_URL, registry.apicurioApiUrl());
        settings.put(ConsumerSettings.PARKING_SCHEDULE, "500ms");
        settings.put(ConsumerSettings.DEFERRED_CHECK_INTERVAL, "100ms");
        settings.put(ConsumerSettings.BATCH_RETRY_BACKOFF_INITIAL, "50ms");
        settings.put(ConsumerSettings.BATCH_RETRY_BACKOFF_MAX, "200ms");
        return settings;
    }

    private void send(String topic, OrderPlaced order) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            String key = order.getMetadata().getOrderId();
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), avro.serialize(topic, order)))
                    .get();
        }
    }

    private KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(kafka.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Until the consumer group has committed every record of these topics. */
    private void awaitCaughtUp(Set<String> topics) {
        await("consumer caught up").atMost(WAIT).until(() -> {
            var admin = kafka.admin();
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(consumerName).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                for (int p = 0; p < KafkaFixture.PARTITIONS; p++) {
                    latest.put(new TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
            }
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                    || (committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue().offset()));
        });
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("dlq-reader"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            reader.subscribe(List.of(topic));
            await("dead letters").atMost(WAIT).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        records.sort(java.util.Comparator.comparing((ConsumerRecord<byte[], byte[]> r) ->
                DeadLetterHeaders.text(r.headers(), DeadLetterHeaders.ORIGINAL_OFFSET).map(Long::parseLong).orElse(0L)));
        return records;
    }

    private List<JsonNode> ledger(String effect) throws Exception {
        JsonNode body = JSON.readTree(http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/ledger?effect="
                + effect)).build(), HttpResponse.BodyHandlers.ofString()).body());
        List<JsonNode> entries = new ArrayList<>();
        body.path("entries").forEach(entries::add);
        return entries;
    }

    private boolean invariantsHold() throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/ledger/invariants")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("holds").asBoolean();
    }

    private void adminFaults(String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/admin/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    private long count(String query) throws SQLException {
        return Long.parseLong(text(query));
    }

    private String text(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }

    private void sql(String statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }
}
