package dev.orderflow.orderstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentStage;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.events.VerifiedPaymentOutcome;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.orderstream.domain.Anomaly;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.json.JsonSerde;
import dev.orderflow.orderstream.testing.AvroEvents;
import dev.orderflow.orderstream.testing.EventTopics;
import dev.orderflow.orderstream.testing.FramedAvroSerde;
import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import dev.orderflow.runtime.failure.MalformedEventException;
import dev.orderflow.runtime.kafka.OrderTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStreamTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final FramedAvroSerde serde = new FramedAvroSerde().with(EventMetadata.class);
    private TopologyTestDriver driver;
    private final Map<String, TestInputTopic<String, SpecificRecord>> inputs = new HashMap<>();
    private TestOutputTopic<String, OrderView> state;
    private TestOutputTopic<String, SpecificRecord> exceptions;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        start(false);
    }

    /**
     * @param atLeastOnce TopologyTestDriver under exactly_once_v2 drops the dead letters a deserialization handler
     *                    returns (they never reach its captured output), so the poison-record test runs the driver
     *                    at_least_once; OrderStreamIT checks the same path under exactly_once_v2 on a real broker.
     */
    private void start(boolean atLeastOnce) {
        if (driver != null) {
            driver.close();
        }
        Map<String, String> settings = new HashMap<>();
        settings.put(OrderStreamConfig.BOOTSTRAP_SERVERS, "unused:9092");
        settings.put(OrderStreamConfig.REGISTRY_URL, "http://unused/apis/registry/v2");
        settings.put(OrderStreamConfig.STATE_STORE_TYPE, OrderStreamConfig.STORE_IN_MEMORY);
        settings.put(OrderStreamConfig.PUNCTUATION_INTERVAL_MS, "1000");
        settings.put(OrderStreamConfig.ESCALATION_DEADLINE_PREFIX + "PAYMENT_PENDING", "PT15M");
        OrderStreamConfig config = new OrderStreamConfig(settings);
        java.util.Properties props = config.streamsProperties(null);
        if (atLeastOnce) {
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        }
        driver = new TopologyTestDriver(OrderStreamTopology.build(config, serde), props, T0);
        for (String topic : config.inputTopics()) {
            inputs.put(topic, driver.createInputTopic(topic, new StringSerializer(), serde.serializer()));
        }
        state = driver.createOutputTopic(OrderTopics.STATE, new StringDeserializer(),
                new JsonSerde<>(OrderView.class).deserializer());
        exceptions = driver.createOutputTopic(OrderTopics.EXCEPTIONS, new StringDeserializer(), serde.deserializer());
        dlq = driver.createOutputTopic(config.deadLetterTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(AvroEvents order, SpecificRecord event) {
        inputs.get(EventTopics.defaultTopicOf(event)).pipeInput(order.orderId(), event);
    }

    private void send(AvroEvents order, List<SpecificRecord> events) {
        events.forEach(e -> send(order, e));
    }

    private OrderView view(String orderId) {
        KeyValueStore<String, OrderView> store = driver.getKeyValueStore(OrderStreamTopology.VIEW_STORE);
        return store.get(orderId);
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario("happy path", OrderState.DELIVERED, o -> List.of(o.placed(), o.reserved(), o.authorized(),
                        o.accepted(), o.committed(), o.progressed(FulfillmentStage.PICKED),
                        o.progressed(FulfillmentStage.HANDED_TO_CARRIER), o.progressed(FulfillmentStage.DELIVERED))),
                scenario("inventory pending then rejected", OrderState.REJECTED, o -> List.of(o.placed(),
                        o.inventoryPending(), o.inventoryRejected())),
                scenario("payment pending", OrderState.PAYMENT_PENDING, o -> List.of(o.placed(), o.reserved(),
                        o.paymentPending())),
                scenario("declined, released", OrderState.CANCELLED, o -> List.of(o.placed(), o.reserved(),
                        o.declined(), o.released())),
                scenario("shipment pending then rejected", OrderState.BLOCKED, o -> List.of(o.placed(),
                        o.reserved(), o.authorized(), o.shipmentPending(), o.shipmentRejected())),
                scenario("blocked, cancelled with compensation, voided", OrderState.CANCELLED, o -> List.of(
                        o.placed(), o.reserved(), o.authorized(), o.shipmentRejected(), o.cancel(true),
                        o.released(), o.voided())),
                scenario("blocked, cancelled with compensation, refunded", OrderState.CANCELLED, o -> List.of(
                        o.placed(), o.reserved(), o.authorized(), o.shipmentRejected(), o.cancel(true),
                        o.refunded(), o.released())),
                scenario("blocked, closed without compensation", OrderState.RESOLVED, o -> List.of(o.placed(),
                        o.reserved(), o.authorized(), o.shipmentRejected(), o.cancel(false))),
                scenario("blocked, retried", OrderState.SHIPMENT_PENDING, o -> List.of(o.placed(), o.reserved(),
                        o.authorized(), o.shipmentRejected(), o.retryShipping())),
                scenario("payment escalated by its consumer", OrderState.ESCALATED, o -> List.of(o.placed(),
                        o.reserved(), o.paymentPending(), o.paymentEscalated())),
                scenario("escalated payment resolved authorized", OrderState.PAYMENT_AUTHORIZED, o -> List.of(
                        o.placed(), o.reserved(), o.paymentPending(), o.paymentEscalated(),
                        o.resolvePayment(VerifiedPaymentOutcome.AUTHORIZED))),
                scenario("pending payment resolved failed", OrderState.COMPENSATING, o -> List.of(o.placed(),
                        o.reserved(), o.paymentPending(), o.resolvePayment(VerifiedPaymentOutcome.FAILED))),
                scenario("fulfillment exception", OrderState.BLOCKED, o -> List.of(o.placed(), o.reserved(),
                        o.authorized(), o.accepted(), o.progressed(FulfillmentStage.EXCEPTION))),
                scenario("accepted, packing", OrderState.FULFILLING, o -> List.of(o.placed(), o.reserved(),
                        o.authorized(), o.accepted(), o.progressed(FulfillmentStage.PACKED))));
    }

    private static Arguments scenario(String name, OrderState expected,
                                      Function<AvroEvents, List<SpecificRecord>> events) {
        return Arguments.of(name, expected, events);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("scenarios")
    void everyEventTypeMovesTheOrderAsTheWorkflowSays(String name, OrderState expected,
                                                      Function<AvroEvents, List<SpecificRecord>> events) {
        AvroEvents order = new AvroEvents("o-1", T0);
        List<SpecificRecord> sequence = events.apply(order);

        send(order, sequence);

        List<KeyValue<String, OrderView>> published = state.readKeyValuesToList();
        assertThat(published).hasSize(sequence.size());
        OrderView last = published.get(published.size() - 1).value;
        assertThat(last.state()).isEqualTo(expected);
        assertThat(last.anomalies()).isEmpty();
        assertThat(last.timeline()).hasSize(sequence.size());
        assertThat(view("o-1")).isEqualTo(last);
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aDuplicatedEventIsNotAppliedTwiceNorPublishedAgain() {
        AvroEvents order = new AvroEvents("o-1", T0);
        SpecificRecord reserved = order.reserved();
        send(order, List.of(order.placed(), reserved, reserved));

        assertThat(state.readValuesToList()).hasSize(2);
        assertThat(view("o-1").timeline()).hasSize(2);
    }

    @Test
    void invalidAndOutOfOrderEventsAreFlaggedNotFatal() {
        AvroEvents order = new AvroEvents("o-1", T0);
        SpecificRecord early = order.placed();
        SpecificRecord shippedTooSoon = order.accepted();
        send(order, List.of(order.reserved(), early, shippedTooSoon));

        OrderView v = view("o-1");
        assertThat(v.state()).isEqualTo(OrderState.INVENTORY_RESERVED);
        // reserved (latest) first; placed arrives late; accepted is both late and not applicable.
        assertThat(v.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.MISSING_ORDER_PLACED,
                Anomaly.Kind.OUT_OF_ORDER, Anomaly.Kind.OUT_OF_ORDER, Anomaly.Kind.INVALID_TRANSITION);
        assertThat(state.readValuesToList()).hasSize(3);
    }

    @Test
    void aStuckOrderIsEscalatedOncePerEpisodeOnWallClockTime() {
        AvroEvents order = new AvroEvents("o-1", T0);
        send(order, List.of(order.placed(), order.reserved(), order.paymentPending()));
        state.readValuesToList();

        // The first punctuation after processing judges by event time (a backlog may still resolve the order),
        // later ones of an idle task by the wall clock.
        driver.advanceWallClockTime(Duration.ofMinutes(14));
        assertThat(exceptions.isEmpty()).isTrue();

        driver.advanceWallClockTime(Duration.ofMinutes(2));
        List<TestRecord<String, SpecificRecord>> escalated = exceptions.readRecordsToList();
        assertThat(escalated).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("o-1");
            OrderEscalated e = (OrderEscalated) r.value();
            assertThat(e.getStuckState()).isEqualTo("PAYMENT_PENDING");
            assertThat(e.getMetadata().getOrderId()).isEqualTo("o-1");
            assertThat(e.getMetadata().getCorrelationId()).isEqualTo("corr-o-1");
        });
        assertThat(view("o-1").state()).isEqualTo(OrderState.ESCALATED);
        assertThat(state.readValuesToList()).extracting(OrderView::state).containsExactly(OrderState.ESCALATED);

        driver.advanceWallClockTime(Duration.ofHours(5));
        assertThat(exceptions.isEmpty()).as("no second escalation of the same episode").isTrue();

        // The late outcome moves the order on; stuck again past the next deadline → a new episode, escalated again.
        inputs.get(OrderTopics.PAYMENT).pipeInput("o-1", new AvroEvents("o-1", T0.plus(Duration.ofHours(5)))
                .authorized());
        assertThat(view("o-1").state()).isEqualTo(OrderState.PAYMENT_AUTHORIZED);
        driver.advanceWallClockTime(Duration.ofMinutes(31));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(exceptions.readValuesToList()).singleElement()
                .satisfies(e -> assertThat(((OrderEscalated) e).getStuckState()).isEqualTo("PAYMENT_AUTHORIZED"));
    }

    @Test
    void aBacklogThatResolvesAnOrderIsNotEscalatedByTheWallClock() {
        AvroEvents order = new AvroEvents("o-1", T0.minus(Duration.ofHours(1)));
        send(order, List.of(order.placed(), order.reserved(), order.paymentPending()));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        send(order, order.authorized());
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(exceptions.isEmpty()).isTrue();
        assertThat(view("o-1").state()).isEqualTo(OrderState.PAYMENT_AUTHORIZED);
    }

    @Test
    void onlyDueOrdersAreEscalatedAndTheDeadlineIndexIsKeptTidy() {
        AvroEvents due = new AvroEvents("o-due", T0);
        AvroEvents done = new AvroEvents("o-done", T0);
        AvroEvents later = new AvroEvents("o-later", T0.plus(Duration.ofMinutes(10)));
        send(due, List.of(due.placed(), due.reserved(), due.paymentPending()));
        send(done, List.of(done.placed(), done.inventoryRejected()));
        send(later, List.of(later.placed(), later.reserved(), later.paymentPending()));

        driver.advanceWallClockTime(Duration.ofMinutes(16));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(exceptions.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("o-due");
        KeyValueStore<String, String> deadlines = driver.getKeyValueStore(OrderStreamTopology.DEADLINE_STORE);
        List<String> indexed = new ArrayList<>();
        try (KeyValueIterator<String, String> it = deadlines.all()) {
            it.forEachRemaining(kv -> indexed.add(kv.value));
        }
        assertThat(indexed).containsExactly("o-later");
    }

    @Test
    void theStateIndexListsOrdersPerState() {
        for (String id : List.of("b", "a", "c")) {
            AvroEvents order = new AvroEvents(id, T0);
            send(order, List.of(order.placed(), order.reserved(), order.authorized(), order.shipmentRejected()));
        }
        AvroEvents other = new AvroEvents("d", T0);
        send(other, other.placed());

        KeyValueStore<String, String> index = driver.getKeyValueStore(OrderStreamTopology.STATE_INDEX_STORE);
        List<String> blocked = new ArrayList<>();
        try (KeyValueIterator<String, String> it = index.range(StoreKeys.stateFrom(OrderState.BLOCKED, null),
                StoreKeys.stateUpTo(OrderState.BLOCKED))) {
            it.forEachRemaining(kv -> blocked.add(kv.value));
        }
        assertThat(blocked).containsExactly("a", "b", "c");
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndProcessingContinues() {
        start(true);
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(OrderTopics.PAYMENT, new StringSerializer(),
                new ByteArraySerializer());
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("o-1", poison);
        AvroEvents order = new AvroEvents("o-1", T0);
        send(order, order.placed());

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("o-1");
        assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(OrderTopics.PAYMENT);
        assertThat(header(dead, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHeaders.FAILURE_CATEGORY)).isEqualTo("MALFORMED");
        assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo(MalformedEventException.class.getName());
        assertThat(header(dead, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("MalformedEventException: not Avro in"
                + " the Confluent framing: expected magic byte 0 and a 4-byte schema id, got first byte 0x6e and 15"
                + " bytes");
        assertThat(header(dead, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo("order-stream");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(view("o-1").state()).isEqualTo(OrderState.PLACED);
    }

    @Test
    void aDecodableRecordThatCannotBeAppliedIsDeadLetteredAsMalformed() {
        TestInputTopic<String, SpecificRecord> commands = inputs.get(OrderTopics.COMMANDS);
        commands.pipeInput("o-1", EventMetadata.newBuilder().setEventId(java.util.UUID.randomUUID())
                .setOrderId("o-1").setCorrelationId("c").setOccurredAt(T0).setProducer("x").setAttempt(1).build());
        AvroEvents order = new AvroEvents("o-2", T0);
        inputs.get(OrderTopics.ORDERS).pipeInput("wrong-key", order.placed());
        send(order, order.placed());

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(header(r, DeadLetterHeaders.FAILURE_CATEGORY)).isEqualTo("MALFORMED");
            assertThat(header(r, DeadLetterHeaders.EXCEPTION_CLASS)).endsWith("UnsupportedEventException");
        });
        assertThat(view("o-2").state()).isEqualTo(OrderState.PLACED);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return DeadLetterHeaders.text(record.headers(), name).orElse(null);
    }
}
