package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /orders over real HTTP, against a real PostgreSQL (migrated with the runtime's and this API's migrations)
 * and the real schema registry. Outbox inserts are read back from the database log and decoded as the relay's
 * consumers would decode them.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ConnectionInfo database;
    private HikariDataSource dataSource;
    private RegistrySettings registry;

    @BeforeAll
    void migrateAndRegister(PostgresFixture postgres, SchemaRegistryFixture schemaRegistry) {
        SchemaRegistrar.withPackagedLevels(URI.create(schemaRegistry.confluentApiUrl())).registerAll();
        registry = RegistrySettings.of(schemaRegistry.apicurioApiUrl());
        database = postgres.newDatabase("order_intake");
        dataSource = pool(database.jdbcUrl(), 24, Duration.ofSeconds(10));
        DatabaseMigrations.migrate(dataSource, OrderIntake.MIGRATIONS);
    }

    @AfterAll
    void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void anOrderIsAcceptedAndItsOrderPlacedIsInTheOutbox() throws Exception {
        String key = UUID.randomUUID().toString();
        try (IntakeServer server = IntakeServer.start(handler(IntakeSettings.defaults()));
             OutboxCapture outbox = OutboxCapture.start(database)) {

            HttpResponse<String> response = http.send(post(server, key, OrderBodies.VALID)
                    .header("X-Correlation-Id", "checkout-991").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String orderId = json(response).get("orderId").asText();
            assertThat(response.headers().firstValue("Location")).hasValue("/orders/" + orderId);
            assertThat(json(response).get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(intakeRows(key)).isEqualTo(1);

            List<OutboxCapture.Insert> inserts = outbox.inserts();
            assertThat(inserts).hasSize(1);
            OutboxCapture.Insert insert = inserts.get(0);
            assertThat(insert.aggregateType()).isEqualTo(OrderTopics.ORDERS);
            assertThat(insert.aggregateId()).isEqualTo(orderId);
            assertThat(insert.type()).isEqualTo(OrderPlaced.getClassSchema().getFullName());

            OrderPlaced event = (OrderPlaced) EventSerdes.valueDeserializer(registry)
                    .deserialize(OrderTopics.ORDERS, insert.payload());
            assertThat(event.getMetadata().getOrderId()).isEqualTo(orderId);
            assertThat(event.getMetadata().getCorrelationId()).isEqualTo("checkout-991");
            assertThat(event.getMetadata().getCausationId()).isNull();
            assertThat(event.getMetadata().getProducer()).isEqualTo("order-api");
            assertThat(event.getMetadata().getAttempt()).isEqualTo(1);
            assertThat(event.getCustomerId()).isEqualTo("customer-7");
            assertThat(event.getLineItems()).extracting(l -> l.getSku() + " x" + l.getQuantity() + " @"
                    + l.getUnitPriceMinor()).containsExactly("SKU-1 x2 @1250", "SKU-2 x1 @499");
            assertThat(event.getCurrency()).isEqualTo("EUR");
            assertThat(event.getTotalMinor()).isEqualTo(2999);
            assertThat(event.getShippingAddress().getCity()).isEqualTo("Berlin");
            assertThat(event.getShippingAddress().getLine2()).isNull();
            assertThat(event.getPaymentMethodToken()).isEqualTo("tok_visa_4242");
        }
    }

    @Test
    void theSameKeyAndBodyGetTheSameAnswerAndNoSecondOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        try (IntakeServer server = IntakeServer.start(handler(IntakeSettings.defaults()));
             OutboxCapture outbox = OutboxCapture.start(database)) {

            HttpResponse<String> first = send(server, key, OrderBodies.VALID);
            // The same order serialized differently: key order and whitespace do not make it another request.
            HttpResponse<String> again = send(server, key, OrderBodies.valid().toString());

            assertThat(first.statusCode()).isEqualTo(202);
            assertSameAnswer(again, first);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(intakeRows(key)).isEqualTo(1);
            assertThat(outbox.inserts()).hasSize(1);
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        try (IntakeServer server = IntakeServer.start(handler(IntakeSettings.defaults()));
             OutboxCapture outbox = OutboxCapture.start(database)) {

            HttpResponse<String> first = send(server, key, OrderBodies.VALID);
            HttpResponse<String> other = send(server, key, OrderBodies.with(b -> b.put("customerId", "someone-else")));

            assertThat(first.statusCode()).isEqualTo(202);
            assertProblem(other, 409, "urn:orderflow:problem:idempotency-key-reused");
            assertThat(intakeRows(key)).isEqualTo(1);
            assertThat(outbox.inserts()).hasSize(1);
        }
    }

    @Test
    void badRequestsNameWhatIsWrongAndRecordNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        try (IntakeServer server = IntakeServer.start(handler(IntakeSettings.defaults()))) {
            HttpResponse<String> noKey = http.send(HttpRequest.newBuilder(server.orders())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(OrderBodies.VALID)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> notJson = send(server, key, "{\"customerId\": ");
            HttpResponse<String> invalid = send(server, key, OrderBodies.with(b -> {
                b.put("currency", "EURO");
                OrderBodies.address(b).remove("city");
            }));

            assertProblem(noKey, 400, "urn:orderflow:problem:invalid-request");
            assertThat(json(noKey).get("detail").asText()).contains("Idempotency-Key");
            assertProblem(notJson, 400, "urn:orderflow:problem:invalid-request");
            assertProblem(invalid, 422, "urn:orderflow:problem:validation-failed");
            assertThat(json(invalid).get("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("currency", "shippingAddress.city");
            assertThat(intakeRows(key)).isZero();
        }
    }

    @Test
    void concurrentDuplicatesPlaceExactlyOneOrderAndAllGetTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        int requests = 20;
        try (IntakeServer server = IntakeServer.start(handler(IntakeSettings.defaults()));
             OutboxCapture outbox = OutboxCapture.start(database);
             Connection gate = database.connect()) {
            // Hold every insert into order_intake at the door until all requests wait there, then let them race.
            gate.setAutoCommit(false);
            lockIntakeTable(gate);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(http.sendAsync(post(server, key, OrderBodies.VALID).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            await("all " + requests + " requests waiting on the intake table").atMost(WAIT)
                    .until(this::backendsWaitingForIntakeTable, n -> n == requests);
            gate.rollback();

            List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();

            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
            Set<String> locations = responses.stream().map(r -> r.headers().firstValue("Location").orElseThrow())
                    .collect(Collectors.toSet());
            assertThat(locations).hasSize(1);
            assertThat(responses).extracting(HttpResponse::body).containsOnly(responses.get(0).body());
            assertThat(responses).filteredOn(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty())
                    .as("exactly one request placed the order").hasSize(1);
            assertThat(intakeRows(key)).isEqualTo(1);
            List<OutboxCapture.Insert> inserts = outbox.inserts();
            assertThat(inserts).hasSize(1);
            assertThat("/orders/" + inserts.get(0).aggregateId()).isEqualTo(locations.iterator().next());
        }
    }

    @Test
    void underSerializableIsolationConflictsAreRetriedAndStillPlaceOneOrder() throws Exception {
        // Stricter isolation turns the losers' ON CONFLICT into serialization failures (40001): they must be
        // retried in a new transaction, which then finds the winner's row and repeats its answer.
        String key = UUID.randomUUID().toString();
        int requests = 8;
        try (HikariDataSource serializable = pool(database.jdbcUrl(), requests, Duration.ofSeconds(10),
                "TRANSACTION_SERIALIZABLE");
             IntakeServer server = IntakeServer.start(OrderIntakeHandler.create(IntakeSettings.defaults(),
                     serializable, serializer()));
             OutboxCapture outbox = OutboxCapture.start(database);
             Connection gate = database.connect()) {
            gate.setAutoCommit(false);
            lockIntakeTable(gate);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(http.sendAsync(post(server, key, OrderBodies.VALID).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            await("all " + requests + " requests waiting on the intake table").atMost(WAIT)
                    .until(this::backendsWaitingForIntakeTable, n -> n == requests);
            gate.rollback();

            List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();

            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
            assertThat(responses).extracting(HttpResponse::body).containsOnly(responses.get(0).body());
            assertThat(intakeRows(key)).isEqualTo(1);
            assertThat(outbox.inserts()).hasSize(1);
        }
    }

    @Test
    void whenTheInFlightLimitIsReachedTheNextRequestGets429WithRetryAfter() throws Exception {
        IntakeSettings settings = IntakeSettings.defaults().withMaxInFlight(2).withRetryAfter(Duration.ofSeconds(3));
        try (IntakeServer server = IntakeServer.start(handler(settings));
             Connection gate = database.connect()) {
            // Two requests stuck in the database hold both permits.
            gate.setAutoCommit(false);
            lockIntakeTable(gate);
            List<CompletableFuture<HttpResponse<String>>> held = List.of(
                    http.sendAsync(post(server, UUID.randomUUID().toString(), OrderBodies.VALID).build(),
                            HttpResponse.BodyHandlers.ofString()),
                    http.sendAsync(post(server, UUID.randomUUID().toString(), OrderBodies.VALID).build(),
                            HttpResponse.BodyHandlers.ofString()));
            await("both permits held").atMost(WAIT).until(this::backendsWaitingForIntakeTable, n -> n == 2);

            HttpResponse<String> refused = send(server, UUID.randomUUID().toString(), OrderBodies.VALID);

            assertProblem(refused, 429, "urn:orderflow:problem:too-many-requests");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
            gate.rollback();
            assertThat(held).extracting(f -> f.join().statusCode()).containsOnly(202);
            assertThat(send(server, UUID.randomUUID().toString(), OrderBodies.VALID).statusCode()).isEqualTo(202);
        }
    }

    @Test
    void anUnreachableDatabaseGives503WithRetryAfter() throws Exception {
        try (HikariDataSource unreachable = pool("jdbc:postgresql://127.0.0.1:" + closedPort() + "/orders", 2,
                Duration.ofMillis(500));
             IntakeServer server = IntakeServer.start(OrderIntakeHandler.create(IntakeSettings.defaults(),
                     unreachable, serializer()))) {

            HttpResponse<String> response = send(server, UUID.randomUUID().toString(), OrderBodies.VALID);

            assertProblem(response, 503, "urn:orderflow:problem:unavailable");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.body()).doesNotContain("Exception", "Connection refused", "127.0.0.1");
        }
    }

    @Test
    void anUnreachableSchemaRegistryGives503() throws Exception {
        RegistrySettings nowhere = RegistrySettings.of("http://127.0.0.1:" + closedPort() + "/apis/registry/v2");
        try (IntakeServer server = IntakeServer.start(OrderIntakeHandler.create(IntakeSettings.defaults(),
                dataSource, EventSerdes.valueSerializer(nowhere)))) {
            String key = UUID.randomUUID().toString();

            HttpResponse<String> response = send(server, key, OrderBodies.VALID);

            assertProblem(response, 503, "urn:orderflow:problem:unavailable");
            assertThat(intakeRows(key)).isZero();
        }
    }

    private OrderIntakeHandler handler(IntakeSettings settings) {
        return OrderIntakeHandler.create(settings, dataSource, serializer());
    }

    private Serializer<SpecificRecord> serializer() {
        return EventSerdes.valueSerializer(registry);
    }

    private HttpRequest.Builder post(IntakeServer server, String key, String body) {
        return HttpRequest.newBuilder(server.orders())
                .timeout(WAIT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(IntakeServer server, String key, String body) throws Exception {
        return http.send(post(server, key, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertSameAnswer(HttpResponse<String> actual, HttpResponse<String> expected) {
        assertThat(actual.statusCode()).isEqualTo(expected.statusCode());
        assertThat(actual.headers().firstValue("Location")).isEqualTo(expected.headers().firstValue("Location"));
        assertThat(actual.body()).isEqualTo(expected.body());
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isEqualTo("/orders");
        assertThat(response.body()).doesNotContain("\tat ", "Exception");
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body());
    }

    private long intakeRows(String key) throws SQLException {
        return queryLong("SELECT count(*) FROM order_intake WHERE idempotency_key = '" + key + "'");
    }

    /** Blocks every INSERT into order_intake (ROW EXCLUSIVE conflicts with it) until the transaction ends. */
    private static void lockIntakeTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("LOCK TABLE order_intake IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    private long backendsWaitingForIntakeTable() throws SQLException {
        return queryLong("SELECT count(*) FROM pg_locks l WHERE NOT l.granted AND l.relation = 'order_intake'::regclass"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HikariDataSource pool(String jdbcUrl, int size, Duration connectionTimeout) {
        return pool(jdbcUrl, size, connectionTimeout, null);
    }

    private HikariDataSource pool(String jdbcUrl, int size, Duration connectionTimeout, String isolation) {
        HikariConfig config = new HikariConfig();
        config.setTransactionIsolation(isolation);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(database == null ? "postgres" : database.user());
        config.setPassword(database == null ? "" : database.password());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        // Start even when the database is not there: the API must answer 503, not fail to start.
        config.setInitializationFailTimeout(-1);
        config.setPoolName("order-intake-it");
        return new HikariDataSource(config);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
