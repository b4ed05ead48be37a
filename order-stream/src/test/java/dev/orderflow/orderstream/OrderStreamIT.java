package dev.orderflow.orderstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentStage;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.events.VerifiedPaymentOutcome;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.testing.AvroEvents;
import dev.orderflow.orderstream.testing.EventTopics;
import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.testing.KafkaFixture;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two order-stream instances (one application id, separate state directories and HTTP ports) on the real broker
 * and registry: ~100 orders through every topic are answered by either instance, a stuck order is escalated once
 * and shows in both instances' exception queue, a poison record is dead-lettered while processing goes on, and
 * after one instance stops the other answers every order.
 */
@ExtendWith(RealInfrastructure.class)
class OrderStreamIT {

    private static final Duration STUCK_DEADLINE = Duration.ofSeconds(3);
    private static final int ORDERS = 100;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<OrderStreamApp> apps = new ArrayList<>();

    @AfterEach
    void stopApps() {
        apps.forEach(OrderStreamApp::close);
    }

    private record Scenario(OrderState expected, Function<AvroEvents, List<SpecificRecord>> events) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario(OrderState.DELIVERED, o -> List.of(o.placed(), o.reserved(), o.authorized(), o.accepted(),
                    o.committed(), o.progressed(FulfillmentStage.PICKED), o.progressed(FulfillmentStage.DELIVERED))),
            new Scenario(OrderState.REJECTED, o -> List.of(o.placed(), o.inventoryPending(), o.inventoryRejected())),
            new Scenario(OrderState.CANCELLED, o -> List.of(o.placed(), o.reserved(), o.declined(), o.released())),
            new Scenario(OrderState.BLOCKED, o -> List.of(o.placed(), o.reserved(), o.authorized(),
                    o.shipmentRejected())),
            new Scenario(OrderState.CANCELLED, o -> List.of(o.placed(), o.reserved(), o.authorized(),
                    o.shipmentRejected(), o.cancel(true), o.released(), o.voided())),
            new Scenario(OrderState.RESOLVED, o -> List.of(o.placed(), o.reserved(), o.authorized(),
                    o.shipmentRejected(), o.cancel(false))),
            new Scenario(OrderState.SHIPMENT_PENDING, o -> List.of(o.placed(), o.reserved(), o.authorized(),
                    o.shipmentRejected(), o.retryShipping())),
            new Scenario(OrderState.PAYMENT_AUTHORIZED, o -> List.of(o.placed(), o.reserved(), o.paymentPending(),
                    o.resolvePayment(VerifiedPaymentOutcome.AUTHORIZED))),
            new Scenario(OrderState.FULFILLING, o -> List.of(o.placed(), o.reserved(), o.authorized(),
                    o.shipmentPending(), o.accepted(), o.progressed(FulfillmentStage.PACKED))));

    @Test
    void twoInstancesAnswerEveryOrderEscalateStuckOnesAndSurviveLosingOne(KafkaFixture kafka,
                                                                          SchemaRegistryFixture registry)
            throws Exception {
        SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl())).registerAll();
        String prefix = UniqueNames.of("os");
        Map<String, String> settings = settings(kafka, registry, prefix);
        OrderStreamConfig config = new OrderStreamConfig(settings);
        List<String> topics = new ArrayList<>(config.inputTopics());
        topics.addAll(List.of(config.stateTopic(), config.exceptionsTopic(), config.deadLetterTopic()));
        kafka.createTopics(topics.toArray(String[]::new));

        OrderStreamApp a = start(settings, "a");
        OrderStreamApp b = start(settings, "b");
        await("both instances RUNNING").atMost(Duration.ofSeconds(30)).until(() ->
                a.streamsState() == KafkaStreams.State.RUNNING && b.streamsState() == KafkaStreams.State.RUNNING);

        Map<String, OrderState> expected = produceOrders(kafka, registry, prefix);

        await("every order answered by both instances").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertAllAnswered(List.of(a, b), expected));
        assertThat(get(a, "/orders/no-such-order").statusCode()).isEqualTo(404);
        assertThat(get(b, "/orders/no-such-order").statusCode()).isEqualTo(404);

        List<String> escalated = expected.entrySet().stream().filter(e -> e.getValue() == OrderState.ESCALATED)
                .map(Map.Entry::getKey).sorted().toList();
        await("stuck orders in both instances' exception queue").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    assertThat(queue(a, "ESCALATED")).containsExactlyElementsOf(escalated);
                    assertThat(queue(b, "ESCALATED")).containsExactlyElementsOf(escalated);
                });
        await("both instances count every order in its state").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertCounts(List.of(a, b), expected));
        assertEscalationEvents(kafka, registry, config.exceptionsTopic(), escalated);
        assertPoisonDeadLettered(kafka, config.deadLetterTopic(), config.inputTopics().get(0));

        assertThat(get(a, "/metrics").body()).contains("kafka_stream");

        a.close();
        await("the remaining instance answers every order").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertAllAnswered(List.of(b), expected));
        await("the remaining instance ready").atMost(Duration.ofSeconds(20))
                .until(() -> get(b, "/ready").statusCode() == 200);
        assertThat(queue(b, "ESCALATED")).containsExactlyElementsOf(escalated);
    }

    private static Map<String, String> settings(KafkaFixture kafka, SchemaRegistryFixture registry, String prefix) {
        Map<String, String> s = new HashMap<>();
        s.put(OrderStreamConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        s.put(OrderStreamConfig.APPLICATION_ID, prefix + "-app");
        s.put(OrderStreamConfig.REGISTRY_URL, registry.apicurioApiUrl());
        s.put(OrderStreamConfig.REGISTRY_AUTO_REGISTER, "true");
        s.put(OrderStreamConfig.TOPIC_ORDERS, prefix + "." + OrderTopics.ORDERS);
        s.put(OrderStreamConfig.TOPIC_INVENTORY, prefix + "." + OrderTopics.INVENTORY);
        s.put(OrderStreamConfig.TOPIC_PAYMENT, prefix + "." + OrderTopics.PAYMENT);
        s.put(OrderStreamConfig.TOPIC_SHIPPING, prefix + "." + OrderTopics.SHIPPING);
        s.put(OrderStreamConfig.TOPIC_COMMANDS, prefix + "." + OrderTopics.COMMANDS);
        s.put(OrderStreamConfig.TOPIC_STATE, prefix + "." + OrderTopics.STATE);
        s.put(OrderStreamConfig.TOPIC_EXCEPTIONS, prefix + "." + OrderTopics.EXCEPTIONS);
        s.put(OrderStreamConfig.TOPIC_DLQ, prefix + ".order-stream.dlq");
        s.put(OrderStreamConfig.HTTP_PORT, "0");
        s.put(OrderStreamConfig.PUNCTUATION_INTERVAL_MS, "200");
        s.put(OrderStreamConfig.ESCALATION_DEADLINE_PREFIX + "PAYMENT_PENDING", STUCK_DEADLINE.toString());
        s.put("streams.commit.interval.ms", "100");
        s.put("streams.num.stream.threads", "1");
        // Fast test rebalances: a stopped instance leaves the group at once; a new one is noticed quickly.
        s.put("streams.consumer.session.timeout.ms", "10000");
        s.put("streams.consumer.heartbeat.interval.ms", "500");
        s.put("streams.acceptable.recovery.lag", "100000");
        return s;
    }

    private OrderStreamApp start(Map<String, String> settings, String name) throws Exception {
        Map<String, String> own = new HashMap<>(settings);
        Path stateDir = Files.createTempDirectory("order-stream-" + name);
        own.put(OrderStreamConfig.STATE_DIR, stateDir.toString());
        OrderStreamConfig config = new OrderStreamConfig(own);
        OrderStreamApp app = OrderStreamApp.start(config, EventSerdes.valueSerde(config.registry()), Optional.empty(),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        apps.add(app);
        return app;
    }

    private Map<String, OrderState> produceOrders(KafkaFixture kafka, SchemaRegistryFixture registry, String prefix)
            throws Exception {
        Map<String, OrderState> expected = new LinkedHashMap<>();
        RegistrySettings serde = RegistrySettings.of(registry.apicurioApiUrl()).withAutoRegister(true);
        Instant now = Instant.now();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), EventSerdes.valueSerializer(serde));
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(kafka.producerConfig(), new StringSerializer(),
                     new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(prefix + "." + OrderTopics.ORDERS, "poison",
                    "definitely not avro".getBytes(StandardCharsets.UTF_8))).get();
            for (int i = 0; i < ORDERS; i++) {
                Scenario scenario = SCENARIOS.get(i % SCENARIOS.size());
                AvroEvents order = new AvroEvents(String.format("order-%03d", i), now);
                send(producer, prefix, order, scenario.events().apply(order));
                expected.put(order.orderId(), scenario.expected());
            }
            for (int i = 0; i < 3; i++) {
                AvroEvents stuck = new AvroEvents("stuck-" + i, now);
                send(producer, prefix, stuck, List.of(stuck.placed(), stuck.reserved(), stuck.paymentPending()));
                expected.put(stuck.orderId(), OrderState.ESCALATED);
            }
            producer.flush();
        }
        return expected;
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, String prefix, AvroEvents order,
                             List<SpecificRecord> events) {
        for (SpecificRecord event : events) {
            producer.send(new ProducerRecord<>(prefix + "." + EventTopics.defaultTopicOf(event), null,
                    occurredAt(event), order.orderId(), event));
        }
    }

    private static long occurredAt(SpecificRecord event) {
        return ((EventMetadata) event.get(event.getSchema().getField("metadata").pos()))
                .getOccurredAt().toEpochMilli();
    }

    private void assertAllAnswered(List<OrderStreamApp> instances, Map<String, OrderState> expected)
            throws Exception {
        for (OrderStreamApp app : instances) {
            for (Map.Entry<String, OrderState> e : expected.entrySet()) {
                HttpResponse<String> r = get(app, "/orders/" + e.getKey());
                assertThat(r.statusCode()).as("GET %s on %s", e.getKey(), app.advertisedServer()).isEqualTo(200);
                assertThat(json.readTree(r.body()).get("state").asText()).as(e.getKey())
                        .isEqualTo(e.getValue().name());
            }
        }
    }

    private void assertCounts(List<OrderStreamApp> instances, Map<String, OrderState> expected) throws Exception {
        Map<OrderState, Long> perState = new java.util.EnumMap<>(OrderState.class);
        expected.values().forEach(state -> perState.merge(state, 1L, Long::sum));
        for (OrderStreamApp app : instances) {
            HttpResponse<String> r = get(app, "/stats");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode stats = json.readTree(r.body());
            assertThat(stats.get("orders").asLong()).as(r.body()).isEqualTo(expected.size());
            for (OrderState state : OrderState.values()) {
                assertThat(stats.get("states").get(state.name()).asLong()).as(state + " in " + r.body())
                        .isEqualTo(perState.getOrDefault(state, 0L));
            }
        }
    }

    private List<String> queue(OrderStreamApp app, String state) throws Exception {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            HttpResponse<String> r = get(app, "/orders?state=" + state + "&limit=2"
                    + (after == null ? "" : "&after=" + after));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = json.readTree(r.body());
            page.get("orders").forEach(o -> ids.add(o.get("orderId").asText()));
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (after != null);
        return ids;
    }

    private HttpResponse<String> get(OrderStreamApp app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.httpPort() + path)).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> readCommitted(KafkaFixture kafka) {
        Map<String, Object> config = kafka.consumerConfig(UniqueNames.of("it-reader"));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    /** Each stuck order's escalation is on the exceptions topic exactly once, as Avro OrderEscalated. */
    private static void assertEscalationEvents(KafkaFixture kafka, SchemaRegistryFixture registry, String topic,
                                               List<String> escalated) {
        List<OrderEscalated> events = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(readCommitted(kafka),
                new StringDeserializer(), EventSerdes.valueDeserializer(RegistrySettings.of(registry.apicurioApiUrl())))) {
            consumer.subscribe(List.of(topic));
            await("escalation events").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add((OrderEscalated) r.value()));
                assertThat(events).extracting(e -> e.getMetadata().getOrderId())
                        .containsExactlyInAnyOrderElementsOf(escalated);
            });
        }
        assertThat(events).allSatisfy(e -> {
            assertThat(e.getStuckState()).isEqualTo("PAYMENT_PENDING");
            assertThat(e.getDeadline()).isEqualTo(e.getStuckSince().plus(STUCK_DEADLINE));
        });
    }

    private static void assertPoisonDeadLettered(KafkaFixture kafka, String dlq, String ordersTopic) {
        List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readCommitted(kafka),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dlq));
            await("the poison record in the dead-letter topic").atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
            });
        }
        ConsumerRecord<byte[], byte[]> record = dead.get(0);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("definitely not avro");
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC)).contains(ordersTopic);
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.FAILURE_CATEGORY)).contains("MALFORMED");
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.EXCEPTION_MESSAGE).orElseThrow())
                .as("the stage consumers' reason, not the registry serde's").startsWith("MalformedEventException: not"
                        + " Avro in the Confluent framing: expected magic byte 0").contains("got first byte 0x64");
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ORIGINAL_OFFSET)).isPresent();
    }
}
