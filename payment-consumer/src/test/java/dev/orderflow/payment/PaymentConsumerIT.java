package dev.orderflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ResolvePaymentCommand;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.events.VerifiedPaymentOutcome;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.runtime.service.StageServiceRunner;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * payment-consumer as it runs in production (StageServiceRunner), on a real broker, PostgreSQL, registry and the
 * payment gateway sandbox over HTTP, with the gateway's faults switched on per test.
 */
@ExtendWith(RealInfrastructure.class)
class PaymentConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaFixture kafka;
    private final PostgresFixture postgres;
    private final SchemaRegistryFixture registry;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ConnectionInfo db;
    private ProviderSandbox sandbox;
    private Serializer<SpecificRecord> avro;
    private String inventoryTopic;
    private String ordersTopic;
    private String commandsTopic;
    private StageServiceRunner runner;
    private String deadLetterTopic;

    PaymentConsumerIT(KafkaFixture kafka, PostgresFixture postgres, SchemaRegistryFixture registry) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.registry = registry;
    }

    @BeforeEach
    void start() throws Exception {
        SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl())).registerAll();
        avro = EventSerdes.valueSerializer(RegistrySettings.of(registry.apicurioApiUrl()));
        String name = UniqueNames.of("payment-it");
        inventoryTopic = UniqueNames.of("order.inventory");
        ordersTopic = UniqueNames.of("orders");
        commandsTopic = UniqueNames.of("order.commands");
        kafka.createTopics(inventoryTopic, ordersTopic, commandsTopic, name + ".replay", name + ".dlq");
        deadLetterTopic = name + ".dlq";
        db = postgres.newDatabase("payment_it");
        DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
        sql("CREATE TABLE outbox_copy AS SELECT * FROM outbox WITH NO DATA;"
                + " CREATE FUNCTION copy_outbox() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN INSERT INTO outbox_copy SELECT NEW.*; RETURN NEW; END $$;"
                + " CREATE TRIGGER outbox_copy AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION copy_outbox();");
        sandbox = ProviderSandbox.start(SandboxConfig.builder().build());
        resources.add(sandbox);

        Map<String, String> settings = new HashMap<>();
        settings.put("consumer.name", name);
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("registry.url", registry.apicurioApiUrl());
        settings.put("input.topics", String.join(",", inventoryTopic, ordersTopic, commandsTopic));
        settings.put("jdbc.url", db.jdbcUrl());
        settings.put("jdbc.user", db.user());
        settings.put("jdbc.password", db.password());
        settings.put("provider.url", sandbox.baseUri().toString());
        settings.put("http.port", "0");
        settings.put("deferred.check.interval", "100ms");
        settings.put("policy.payment.attempt.timeout", "1s");
        settings.put("policy.payment.status.query.schedule", "500ms");
        settings.put("policy.payment.deferral.schedule", "500ms");
        runner = StageServiceRunner.start(new PaymentService(), settings,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC());
        resources.add(runner);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void anOrderWithReservedStockIsAuthorizedOnceWhicheverEventArrivesFirst() throws Exception {
        String early = UniqueNames.of("order");
        send(inventoryTopic, reserved(early));          // the reservation overtakes the order
        send(ordersTopic, placed(early, "tok_visa"));
        String late = UniqueNames.of("order");
        send(ordersTopic, placed(late, "tok_visa"));
        send(inventoryTopic, reserved(late));

        await().atMost(WAIT).until(() -> emitted("PaymentAuthorized") == 2);
        assertThat(charges(early)).hasSize(1);
        assertThat(charges(late)).hasSize(1);

        URI base = URI.create("http://127.0.0.1:" + runner.httpPort());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"loops\":2");
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("orderflow_consumer_events_processed_total", "orderflow_stage_breaker_state",
                "orderflow_consumer_handler_latency_seconds");
    }

    @Test
    void aDeclineFailsFastAndAnnouncesTheCompensation() throws Exception {
        String order = UniqueNames.of("order");
        send(ordersTopic, placed(order, "tok_card_declined"));
        send(inventoryTopic, reserved(order));
        await().atMost(WAIT).until(() -> emitted("PaymentDeclined") == 1);
        assertThat(text("SELECT state->>'status' FROM stage_state WHERE order_id = '" + order + "'"))
                .isEqualTo("DECLINED");
        assertThat(charges(order)).isEmpty();
    }

    @Test
    void aLostReplyAfterTheChargeIsResolvedByTheStatusQueryWithExactlyOneCharge() throws Exception {
        faults("{\"profile\": \"none\", \"overrides\": {\"payment.authorize\": {\"lostReplyAfterWorkRate\": 1.0,"
                + " \"holdMs\": 0}}}");
        String order = UniqueNames.of("order");
        send(ordersTopic, placed(order, "tok_visa"));
        send(inventoryTopic, reserved(order));
        await().atMost(WAIT).until(() -> emitted("PaymentAuthorized") == 1);
        assertThat(charges(order)).as("the gateway charged once, the status query found it").hasSize(1);
        assertThat(invariantsHold()).isTrue();
    }

    @Test
    void anUnknownOutcomeStaysPendingUntilAnOperatorResolvesIt() throws Exception {
        // The charge goes through but its reply is lost, and status queries time out too: the outcome is unknown.
        faults("{\"profile\": \"none\", \"overrides\": {\"payment.authorize\": {\"lostReplyAfterWorkRate\": 1.0,"
                + " \"holdMs\": 0}, \"payment.status\": {\"timeoutBeforeWorkRate\": 1.0, \"holdMs\": 0}}}");
        String order = UniqueNames.of("order");
        send(ordersTopic, placed(order, "tok_visa"));
        send(inventoryTopic, reserved(order));
        await().atMost(WAIT).until(() -> emitted("PaymentPending") == 1);
        assertThat(text("SELECT state->>'status' FROM stage_state WHERE order_id = '" + order + "'"))
                .isEqualTo("PENDING");
        assertThat(count("SELECT count(*) FROM deferred_action WHERE kind = 'status-check'")).isEqualTo(1);
        assertThat(emitted("PaymentAuthorized") + emitted("PaymentDeclined")).as("nothing decided while unknown")
                .isZero();

        // The operator checks with the provider and resolves it; repeating the same command changes nothing.
        String reference = charges(order).get(0).path("reference").asText();
        ResolvePaymentCommand resolve = ResolvePaymentCommand.newBuilder().setMetadata(metadata(order, "ops-cli"))
                .setOutcome(VerifiedPaymentOutcome.AUTHORIZED).setProviderReference(reference).setOperator("alice")
                .setReason("charge visible in the gateway dashboard").build();
        send(commandsTopic, resolve);
        send(commandsTopic, resolve);
        await().atMost(WAIT).until(() -> emitted("PaymentAuthorized") == 1);
        assertThat(text("SELECT state->>'status' FROM stage_state WHERE order_id = '" + order + "'"))
                .isEqualTo("AUTHORIZED");
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM deferred_action") == 0);
        assertThat(charges(order)).hasSize(1);
        assertThat(emitted("PaymentAuthorized")).isEqualTo(1);
    }

    @Test
    void transientFailuresAreRetriedUnderTheSameKeyUntilTheGatewayRecovers() throws Exception {
        faults("{\"profile\": \"none\", \"overrides\": {\"payment.authorize\": {\"transientErrorRate\": 1.0}}}");
        String order = UniqueNames.of("order");
        send(ordersTopic, placed(order, "tok_visa"));
        send(inventoryTopic, reserved(order));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM deferred_action WHERE kind = 'authorize-retry'") == 1);
        assertThat(charges(order)).isEmpty();

        faults("{\"profile\": \"none\"}");
        await().atMost(WAIT).until(() -> emitted("PaymentAuthorized") == 1);
        assertThat(charges(order)).hasSize(1);
        assertThat(charges(order).get(0).path("idempotencyKey").asText()).isEqualTo("pay-" + order + "-1");
    }

    @Test
    void overloadIsDeferredPastRetryAfterInsteadOfHammering() throws Exception {
        faults("{\"profile\": \"none\", \"overrides\": {\"payment.authorize\": {\"overloadRate\": 1.0,"
                + " \"retryAfterSeconds\": 2}}}");
        String order = UniqueNames.of("order");
        send(ordersTopic, placed(order, "tok_visa"));
        send(inventoryTopic, reserved(order));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM deferred_action WHERE kind = 'authorize-retry'"
                + " AND next_attempt_at > now() + interval '1 second'") == 1);
        faults("{\"profile\": \"none\"}");
        await().atMost(WAIT).until(() -> emitted("PaymentAuthorized") == 1);
        assertThat(charges(order)).hasSize(1);
    }

    @Test
    void aTimeoutBeforeTheWorkIsResolvedByTheStatusQueryAndRetriedSafely() throws Exception {
        // The connection drops before the gateway does anything: the status query finds no such key, so the same
        // key is tried again (safe) and charges exactly once.
        faults("{\"profile\": \"none\", \"overrides\": {\"payment.authorize\": {\"timeoutBeforeWorkRate\": 1.0,"
                + " \"holdMs\": 0}}}");
        String order = UniqueNames.of("order");
        send(ordersTopic, placed(order, "tok_visa"));
        send(inventoryTopic, reserved(order));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM deferred_action WHERE kind = 'authorize-retry'") == 1);
        assertThat(emitted("PaymentPending")).as("the outcome is known: not done").isZero();
        faults("{\"profile\": \"none\"}");
        await().atMost(WAIT).until(() -> emitted("PaymentAuthorized") == 1);
        assertThat(charges(order)).hasSize(1);
        assertThat(invariantsHold()).isTrue();
    }

    @Test
    void aMalformedOrderIsDeadLetteredWithItsReasonAndNothingIsCharged() throws Exception {
        String order = UniqueNames.of("order");
        send(ordersTopic, OrderPlaced.newBuilder(placed(order, "tok_visa")).setCurrency("euro").build());
        send(inventoryTopic, reserved(order));
        await().atMost(WAIT).until(() -> deadLetters().size() == 1);
        assertThat(deadLetters().get(0)).contains("currency");
        assertThat(charges(order)).isEmpty();
    }

    private void send(String topic, SpecificRecord event) throws Exception {
        String key = ((EventMetadata) event.get(0)).getOrderId();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                    avro.serialize(topic, event))).get();
        }
    }

    private List<String> deadLetters() {
        Map<String, Object> config = new HashMap<>();
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, UniqueNames.of("dlq-reader"));
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> messages = new ArrayList<>();
        try (var reader = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(config,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            reader.subscribe(List.of(deadLetterTopic));
            for (int i = 0; i < 5; i++) {
                reader.poll(Duration.ofMillis(500)).forEach(r -> messages.add(
                        dev.orderflow.runtime.deadletter.DeadLetterHeaders.text(r.headers(),
                                dev.orderflow.runtime.deadletter.DeadLetterHeaders.EXCEPTION_MESSAGE).orElse("")));
            }
        }
        return messages;
    }

    private long emitted(String type) throws SQLException {
        return count("SELECT count(*) FROM outbox_copy WHERE type = 'dev.orderflow.events." + type + "'");
    }

    private List<JsonNode> charges(String orderId) throws Exception {
        JsonNode body = JSON.readTree(http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve(
                "/ledger?effect=PAYMENT_AUTHORIZED&orderId=" + orderId)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<JsonNode> entries = new ArrayList<>();
        body.path("entries").forEach(entries::add);
        return entries;
    }

    private boolean invariantsHold() throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/ledger/invariants")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("holds").asBoolean();
    }

    private void faults(String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/admin/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    private static EventMetadata metadata(String orderId, String producer) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId).setCorrelationId(orderId)
                .setCausationId(null).setOccurredAt(Instant.now()).setProducer(producer).setAttempt(1).build();
    }

    private static OrderPlaced placed(String orderId, String token) {
        return OrderPlaced.newBuilder().setMetadata(metadata(orderId, "upstream")).setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(2).setUnitPriceMinor(2500)
                        .build()))
                .setCurrency("EUR").setTotalMinor(5000)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Vienna").setPostalCode("1010").setRegion(null).setCountryCode("AT")
                        .build())
                .setPaymentMethodToken(token).build();
    }

    private static InventoryReserved reserved(String orderId) {
        return InventoryReserved.newBuilder().setMetadata(metadata(orderId, "inventory-consumer"))
                .setReservationId("res-" + orderId).setExpiresAt(null).build();
    }

    private long count(String query) throws SQLException {
        return Long.parseLong(text(query));
    }

    private String text(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private void sql(String statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }
}
