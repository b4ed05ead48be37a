package dev.orderflow.runtime.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.runtime.service.StageService;
import dev.orderflow.runtime.service.StageServiceRunner;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A stage service started as in production ({@link StageServiceRunner}) on the shared real broker, PostgreSQL and
 * registry, with its own topics, database and provider sandbox; what it announced is read from a copy of its
 * outbox (the table itself stays empty: rows are inserted and deleted in one transaction).
 */
public final class StageUnderTest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final Map<String, String> topics = new HashMap<>();
    public final String consumerName;
    public final ProviderSandbox sandbox;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KafkaFixture kafka;
    private final ConnectionInfo db;
    private final Serializer<SpecificRecord> serializer;
    private final Deserializer<SpecificRecord> deserializer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final HttpClient http = HttpClient.newHttpClient();
    private StageServiceRunner runner;

    public StageUnderTest(KafkaFixture kafka, PostgresFixture postgres, SchemaRegistryFixture registry,
            ProviderSandbox sandbox, String name, List<String> inputs) throws SQLException {
        this.kafka = kafka;
        this.sandbox = sandbox;
        SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl())).registerAll();
        RegistrySettings registrySettings = RegistrySettings.of(registry.apicurioApiUrl());
        serializer = EventSerdes.valueSerializer(registrySettings);
        deserializer = EventSerdes.valueDeserializer(registrySettings);
        consumerName = UniqueNames.of(name);
        List<String> created = new ArrayList<>(List.of(consumerName + ".replay", consumerName + ".dlq"));
        for (String input : inputs) {
            topics.put(input, UniqueNames.of(input));
            created.add(topics.get(input));
        }
        kafka.createTopics(created.toArray(String[]::new));
        db = postgres.newDatabase(name.replace('-', '_'));
        DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
        // Every outbox insert is copied, because insert-then-delete leaves the outbox itself empty.
        sql("CREATE TABLE outbox_copy AS SELECT * FROM outbox WITH NO DATA;"
                + " CREATE FUNCTION copy_outbox() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN INSERT INTO outbox_copy SELECT NEW.*; RETURN NEW; END $$;"
                + " CREATE TRIGGER outbox_copy AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION copy_outbox();");
        producer = new KafkaProducer<>(kafka.producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
        this.registryUrl = registry.apicurioApiUrl();
    }

    private final String registryUrl;

    /** Starts the service with test-speed schedules; {@code extra} settings win. */
    public StageUnderTest start(StageService service, List<String> inputOrder, Map<String, String> extra) {
        runner = StageServiceRunner.start(service, settings(inputOrder, extra), meters, Clock.systemUTC());
        return this;
    }

    /**
     * Another instance of the service on the same topics, database and sandbox (its own meters); the caller closes
     * it.
     */
    public StageServiceRunner startAnother(StageService service, List<String> inputOrder, Map<String, String> extra) {
        return StageServiceRunner.start(service, settings(inputOrder, extra), new SimpleMeterRegistry(),
                Clock.systemUTC());
    }

    private Map<String, String> settings(List<String> inputOrder, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("consumer.name", consumerName);
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("registry.url", registryUrl);
        settings.put("input.topics", String.join(",", inputOrder.stream().map(topics::get).toList()));
        settings.put("jdbc.url", db.jdbcUrl());
        settings.put("jdbc.user", db.user());
        settings.put("jdbc.password", db.password());
        settings.put("jdbc.pool.size", "4");
        settings.put("provider.url", sandbox.baseUri().toString());
        settings.put("http.port", "-1");
        settings.put("worker.threads", "4");
        settings.put("deferred.check.interval", "100ms");
        settings.put("parking.schedule", "300ms");
        settings.put("batch.retry.backoff.initial", "50ms");
        settings.put("batch.retry.backoff.max", "200ms");
        settings.put("kafka.consumer.auto.offset.reset", "earliest");
        settings.putAll(extra);
        return settings;
    }

    public StageServiceRunner runner() {
        return runner;
    }

    /** Sends an event to the topic that stands for {@code logicalTopic}, keyed by its order id. */
    public void send(String logicalTopic, SpecificRecord event) throws Exception {
        String topic = topics.getOrDefault(logicalTopic, logicalTopic);
        String key = metadataOf(event).getOrderId();
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                serializer.serialize(topic, event))).get();
    }

    public void sendRaw(String logicalTopic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topics.getOrDefault(logicalTopic, logicalTopic),
                key.getBytes(StandardCharsets.UTF_8), value)).get();
    }

    byte[] serialize(SpecificRecord event) {
        return serializer.serialize("any", event);
    }

    /** The events the service announced for an order, in order, decoded. */
    public List<SpecificRecord> announced(String orderId) throws SQLException {
        List<SpecificRecord> events = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT aggregatetype, payload FROM outbox_copy WHERE aggregateid = ? ORDER BY created_at, id")) {
            s.setString(1, orderId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(deserializer.deserialize(r.getString(1), r.getBytes(2)));
                }
            }
        }
        return events;
    }

    public List<String> announcedTypes(String orderId) throws SQLException {
        return announced(orderId).stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    public long count(String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    public List<JsonNode> ledger(String orderId, String effect) throws Exception {
        JsonNode body = getJson("/ledger?orderId=" + orderId + "&effect=" + effect);
        List<JsonNode> entries = new ArrayList<>();
        body.path("entries").forEach(entries::add);
        return entries;
    }

    public boolean invariantsHold() throws Exception {
        return getJson("/ledger/invariants").path("holds").asBoolean();
    }

    public void faults(String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/admin/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    public JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    public JsonNode postWithKey(String path, String idempotencyKey, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve(path))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    public JsonNode getJson(String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private void sql(String statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    public static EventMetadata metadataOf(SpecificRecord event) {
        try {
            Method getter = event.getClass().getMethod("getMetadata");
            return (EventMetadata) getter.invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
        producer.close();
        sandbox.close();
    }
}
