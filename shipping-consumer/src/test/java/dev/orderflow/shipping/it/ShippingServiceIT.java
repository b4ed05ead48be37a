package dev.orderflow.shipping.it;

import dev.orderflow.runtime.testkit.StageUnderTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentProgressed;
import dev.orderflow.events.FulfillmentStage;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.RetryShippingCommand;
import dev.orderflow.events.ShipmentRejected;
import dev.orderflow.events.ShipmentRejectionReason;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import dev.orderflow.runtime.service.StageServiceRunner;
import dev.orderflow.shipping.ShippingService;
import dev.orderflow.shipping.TrackingSettings;
import dev.orderflow.shipping.adapter.feed.FulfillmentFeedFollower;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * shipping-consumer as deployed: started by the runtime's runner against a real broker, PostgreSQL, schema registry
 * and the provider sandbox over HTTP (its clock stands still until the test moves it, so fulfillment progresses
 * exactly when asked). Each order is really authorized at the sandbox first, as payment-consumer would, so the
 * ledger's "no shipment without a charge" invariant is checked too.
 */
@ExtendWith(RealInfrastructure.class)
class ShippingServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> INPUTS = List.of(OrderTopics.ORDERS, OrderTopics.PAYMENT, OrderTopics.COMMANDS,
            OrderTopics.FULFILLMENT_FEED);

    private final KafkaFixture kafka;
    private final PostgresFixture postgres;
    private final SchemaRegistryFixture registry;
    private StageUnderTest stage;

    ShippingServiceIT(KafkaFixture kafka, PostgresFixture postgres, SchemaRegistryFixture registry) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.registry = registry;
    }

    @BeforeEach
    void start() throws Exception {
        start(Map.of());
    }

    /** A new sandbox, topics and database, and the service on them; {@code extra} settings win. */
    private void start(Map<String, String> extra) throws Exception {
        ProviderSandbox sandbox = ProviderSandbox.start(SandboxConfig.builder()
                .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC)).build());
        stage = new StageUnderTest(kafka, postgres, registry, sandbox, "shipping-it", INPUTS);
        Map<String, String> settings = new HashMap<>(Map.of(
                "policy.shipping.attempt.timeout", "500ms",
                "policy.shipping.deferral.schedule", "200ms,500ms",
                "policy.shipping.status.query.schedule", "200ms,500ms",
                TrackingSettings.POLL_SCHEDULE, "200ms,500ms",
                TrackingSettings.ENABLED, "true",
                TrackingSettings.TOPIC, stage.topics.get(OrderTopics.FULFILLMENT_FEED),
                TrackingSettings.POLL_INTERVAL, "100ms",
                TrackingSettings.STANDBY_INTERVAL, "200ms"));
        settings.putAll(extra);
        stage.start(new ShippingService(), INPUTS, settings);
    }

    @AfterEach
    void stop() {
        stage.close();
    }

    @ParameterizedTest(name = "followed by {0}")
    @ValueSource(strings = {"feed", "polling"})
    void anAcceptedShipmentIsFollowedToDeliveryAsTheProvidersClockMoves(String tracking) throws Exception {
        boolean feed = tracking.equals("feed");
        if (!feed) {
            stage.close();
            start(Map.of(TrackingSettings.ENABLED, "false"));
        }
        String order = UniqueNames.of("order");

        shipAndDeliver(order);

        List<FulfillmentStage> stages = stage.announced(order).stream().filter(FulfillmentProgressed.class::isInstance)
                .map(e -> ((FulfillmentProgressed) e).getStage()).toList();
        assertThat(stages).containsExactly(FulfillmentStage.PICKED, FulfillmentStage.PACKED,
                FulfillmentStage.HANDED_TO_CARRIER, FulfillmentStage.DELIVERED);
        FulfillmentProgressed delivered = (FulfillmentProgressed) stage.announced(order).get(4);
        assertThat(delivered.getTrackingNumber()).isNotBlank();
        await("polling stopped").atMost(WAIT).until(() -> stage.count("SELECT count(*) FROM deferred_action") == 0);
        assertThat(stage.ledger(order, "SHIPMENT_ACCEPTED")).singleElement()
                .satisfies(e -> assertThat(e.path("idempotencyKey").asText()).isEqualTo("ship-" + order + "-1"));
        assertThat(stage.invariantsHold()).isTrue();
        JsonNode calls = stage.getJson("/admin/calls").path("operations");
        if (feed) {
            assertThat(calls.path("fulfillment.status").path("calls").asInt()).as("no shipment read").isZero();
            assertThat(stage.count("SELECT coalesce(max(after_sequence), 0) FROM fulfillment_feed_cursor")).isEqualTo(4);
        } else {
            assertThat(calls.path("fulfillment.status").path("calls").asInt()).isPositive();
            assertThat(calls.path("fulfillment.events").path("calls").asInt()).as("feed not read").isZero();
        }
    }

    @Test
    void theFeedIsReadByOneInstanceAtATimeAndResumesAfterItsCursorWithoutRepeats() throws Exception {
        String first = UniqueNames.of("order");
        shipAndDeliver(first);
        await("first order's steps read").atMost(WAIT).until(() -> stage.count(
                "SELECT coalesce(max(after_sequence), 0) FROM fulfillment_feed_cursor") == 4);

        try (StageServiceRunner standby = stage.startAnother(new ShippingService(), INPUTS, Map.of(
                TrackingSettings.ENABLED, "true", TrackingSettings.TOPIC, stage.topics.get(OrderTopics.FULFILLMENT_FEED),
                TrackingSettings.POLL_INTERVAL, "100ms", TrackingSettings.STANDBY_INTERVAL, "200ms"))) {
            FulfillmentFeedFollower standbyFollower = follower(standby);
            assertThat(follower(stage.runner()).reading()).isTrue();
            await("the standby tried").pollDelay(Duration.ofMillis(500)).atMost(WAIT)
                    .until(() -> !standbyFollower.reading());

            stage.runner().close();
            await("the standby took over").atMost(WAIT).until(standbyFollower::reading);

            shipAndDeliver(UniqueNames.of("order"));
            await("cursor moved on").atMost(WAIT).until(() -> stage.count(
                    "SELECT coalesce(max(after_sequence), 0) FROM fulfillment_feed_cursor") == 8);
            assertThat(stage.announcedTypes(first)).as("the first order's steps were not read again")
                    .containsExactly("ShipmentAccepted", "FulfillmentProgressed", "FulfillmentProgressed",
                            "FulfillmentProgressed", "FulfillmentProgressed");
            assertThat(stage.getJson("/fulfillment/events?after=0&limit=100").path("events").size()).isEqualTo(8);
        }
    }

    @Test
    void aServiceWithoutACursorCanStartAfterTheProvidersHistory() throws Exception {
        stage.runner().close();
        String before = UniqueNames.of("order");
        stage.postWithKey("/fulfillment/shipments", "ship-" + before + "-1", "{\"orderId\": \"" + before + "\","
                + " \"address\": {\"recipientName\": \"Ada Lovelace\", \"line1\": \"Unter den Linden 1\","
                + " \"city\": \"Berlin\", \"postalCode\": \"1010\", \"countryCode\": \"DE\"},"
                + " \"items\": [{\"sku\": \"SKU-1\", \"quantity\": 1}]}");
        stage.post("/admin/clock/advance", "{\"by\": \"PT1M\"}");
        assertThat(stage.getJson("/fulfillment/events?after=0&limit=1").path("latestSequence").asLong())
                .as("history at the provider before this service's first start").isEqualTo(4);

        try (StageServiceRunner fresh = stage.startAnother(new ShippingService(), INPUTS, Map.of(
                TrackingSettings.ENABLED, "true", TrackingSettings.TOPIC, stage.topics.get(OrderTopics.FULFILLMENT_FEED),
                TrackingSettings.POLL_INTERVAL, "100ms", TrackingSettings.STANDBY_INTERVAL, "200ms",
                TrackingSettings.START_POSITION, TrackingSettings.START_LATEST))) {
            await("cursor stored at the feed's end").atMost(WAIT).until(() -> stage.count(
                    "SELECT coalesce(max(after_sequence), 0) FROM fulfillment_feed_cursor") == 4);
            assertThat(follower(fresh).reading()).isTrue();

            shipAndDeliver(UniqueNames.of("order"));

            await("cursor moved on").atMost(WAIT).until(() -> stage.count(
                    "SELECT coalesce(max(after_sequence), 0) FROM fulfillment_feed_cursor") == 8);
            assertThat(recordsIn(stage.topics.get(OrderTopics.FULFILLMENT_FEED)))
                    .as("only the new shipment's four steps were copied, none of the history").isEqualTo(4);
        }
    }

    @Test
    void aFeedTopicTheStageDoesNotReadStopsStartUpNamingTheKey() {
        Map<String, String> settings = Map.of(TrackingSettings.ENABLED, "true", TrackingSettings.TOPIC, "nobody-reads-this");
        assertThatThrownBy(() -> stage.startAnother(new ShippingService(), INPUTS, settings))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TrackingSettings.TOPIC);
    }

    /** Records ever written to the topic: its partitions' end offsets (no transactions write to it). */
    private long recordsIn(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return kafka.admin().listOffsets(ends).all().get().values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    private static FulfillmentFeedFollower follower(StageServiceRunner runner) {
        return runner.companions().stream().filter(FulfillmentFeedFollower.class::isInstance)
                .map(FulfillmentFeedFollower.class::cast).findFirst().orElseThrow();
    }

    @Test
    void anExceptionAfterAcceptanceIsAnnouncedAndEscalated() throws Exception {
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"fulfillment.accept\":"
                + " {\"exceptionAfterAcceptanceRate\": 1.0}}}");
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "1010"));
        stage.send(OrderTopics.PAYMENT, authorized(order));
        awaitAnnounced(order, "ShipmentAccepted");

        stage.post("/admin/clock/advance", "{\"by\": \"PT1M\"}");

        await("exception announced and escalated").atMost(WAIT).untilAsserted(() -> assertThat(
                stage.announcedTypes(order)).endsWith("FulfillmentProgressed", "OrderEscalated"));
        List<FulfillmentProgressed> progress = stage.announced(order).stream()
                .filter(FulfillmentProgressed.class::isInstance).map(FulfillmentProgressed.class::cast).toList();
        FulfillmentProgressed last = progress.get(progress.size() - 1);
        assertThat(last.getStage()).isEqualTo(FulfillmentStage.EXCEPTION);
        assertThat(last.getExceptionReason()).isNotBlank();
        await("polling stopped").atMost(WAIT).until(() -> stage.count("SELECT count(*) FROM deferred_action") == 0);
    }

    @Test
    void aPaymentThatArrivesBeforeTheOrderIsHeldUntilTheAddressIsKnown() throws Exception {
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.PAYMENT, authorized(order));
        await("payment remembered").atMost(WAIT).until(() -> stage.count(
                "SELECT count(*) FROM stage_state WHERE order_id = '" + order + "'") == 1);
        assertThat(stage.ledger(order, "SHIPMENT_ACCEPTED")).isEmpty();

        stage.send(OrderTopics.ORDERS, placed(order, "1010"));

        awaitAnnounced(order, "ShipmentAccepted");
        assertThat(stage.invariantsHold()).isTrue();
    }

    @Test
    void anInvalidAddressBlocksTheOrderAndAnOperatorRetryIsANewAttempt() throws Exception {
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "00000"));
        stage.send(OrderTopics.PAYMENT, authorized(order));
        awaitAnnounced(order, "ShipmentRejected");
        assertThat(((ShipmentRejected) stage.announced(order).get(0)).getReasonCode())
                .isEqualTo(ShipmentRejectionReason.INVALID_ADDRESS);
        assertThat(stage.ledger(order, "PAYMENT_VOIDED")).as("payment never rolled back by shipping").isEmpty();

        stage.send(OrderTopics.COMMANDS, RetryShippingCommand.newBuilder().setMetadata(metadata(order))
                .setOperator("ops").setReason("asked the carrier to try").build());

        awaitAnnounced(order, "ShipmentRejected", "ShipmentRejected");
        JsonNode second = stage.getJson("/fulfillment/shipments/by-key/ship-" + order + "-2");
        assertThat(second.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(stage.ledger(order, "SHIPMENT_ACCEPTED")).isEmpty();
    }

    @Test
    void aReplyLostAfterAcceptanceIsResolvedByTheStatusQueryWithOneShipment() throws Exception {
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"fulfillment.accept\": {\"lostReplyAfterWorkRate\": 1.0,"
                + " \"holdMs\": 0}}}");
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "1010"));
        stage.send(OrderTopics.PAYMENT, authorized(order));

        awaitAnnounced(order, "ShipmentAccepted");
        assertThat(stage.ledger(order, "SHIPMENT_ACCEPTED")).as("exactly one shipment at the provider").hasSize(1);
        assertThat(stage.getJson("/fulfillment/shipments/by-key/ship-" + order + "-1").path("executions").asInt())
                .isEqualTo(1);
        assertThat(stage.invariantsHold()).isTrue();
    }

    /** Transient (5xx), overload (503 + Retry-After) and ambiguous-not-accepted (timeout before the work) rows. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"transientErrorRate\": 1.0", "\"overloadRate\": 1.0, \"retryAfterSeconds\": 2",
            "\"timeoutBeforeWorkRate\": 1.0, \"holdMs\": 0"})
    void aRequestThatFailsWithoutEffectIsRetriedLaterUnderTheSameKey(String fault) throws Exception {
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"fulfillment.accept\": {" + fault + "}}}");
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "1010"));
        stage.send(OrderTopics.PAYMENT, authorized(order));
        await("deferred retry scheduled").atMost(WAIT).until(() -> stage.count(
                "SELECT count(*) FROM deferred_action WHERE kind = 'accept-retry' AND order_id = '" + order + "'") == 1);
        assertThat(stage.announced(order)).isEmpty();

        stage.faults("{\"profile\": \"none\"}");

        awaitAnnounced(order, "ShipmentAccepted");
        assertThat(stage.ledger(order, "SHIPMENT_ACCEPTED")).singleElement()
                .satisfies(e -> assertThat(e.path("idempotencyKey").asText()).isEqualTo("ship-" + order + "-1"));
    }

    @Test
    void anAcceptanceThatStaysUnknownIsAnnouncedPendingAndResolvedByALaterCheck() throws Exception {
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"fulfillment.accept\": {\"lostReplyAfterWorkRate\":"
                + " 1.0, \"holdMs\": 0}, \"fulfillment.status\": {\"transientErrorRate\": 1.0}}}");
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "1010"));
        stage.send(OrderTopics.PAYMENT, authorized(order));
        awaitAnnounced(order, "ShipmentPending");

        stage.faults("{\"profile\": \"none\"}");

        awaitAnnounced(order, "ShipmentPending", "ShipmentAccepted");
        assertThat(stage.ledger(order, "SHIPMENT_ACCEPTED")).hasSize(1);
        assertThat(stage.invariantsHold()).isTrue();
    }

    @Test
    void aMalformedPaymentIsDeadLetteredAndTheOrdersNextEventStillFlows() throws Exception {
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.PAYMENT, PaymentAuthorized.newBuilder(authorized(order)).setAuthorizationId(" ")
                .build());
        stage.send(OrderTopics.ORDERS, placed(order, "1010"));
        stage.send(OrderTopics.PAYMENT, authorized(order));

        awaitAnnounced(order, "ShipmentAccepted");
        // The batch's dead letters are counted once the broker acknowledged them, after its transaction: the
        // acceptance may be relayed first.
        await("the malformed payment counted").atMost(WAIT).until(() -> stage.meters.counter(
                "orderflow.consumer.dead.lettered", "consumer", stage.consumerName, "category", "MALFORMED")
                .count() == 1);
    }

    @Test
    void aRedeliveredOrReplayedPaymentHasNoSecondEffect() throws Exception {
        String order = UniqueNames.of("order");
        PaymentAuthorized authorized = authorized(order);
        stage.send(OrderTopics.ORDERS, placed(order, "1010"));
        stage.send(OrderTopics.PAYMENT, authorized);
        stage.send(OrderTopics.PAYMENT, authorized);
        stage.send(stage.consumerName + ".replay", authorized);

        awaitAnnounced(order, "ShipmentAccepted");
        await("duplicates skipped").atMost(WAIT).until(() -> stage.meters.counter(
                "orderflow.consumer.duplicates.skipped", "consumer", stage.consumerName).count() >= 2);
        assertThat(stage.announcedTypes(order)).containsExactly("ShipmentAccepted");
        assertThat(stage.ledger(order, "SHIPMENT_ACCEPTED")).hasSize(1);
    }

    /**
     * Places and pays an order, waits for its shipment, moves the sandbox's clock past every fulfillment step and
     * waits for the four steps to be announced.
     */
    private void shipAndDeliver(String order) throws Exception {
        stage.send(OrderTopics.ORDERS, placed(order, "1010"));
        stage.send(OrderTopics.PAYMENT, authorized(order));
        awaitAnnounced(order, "ShipmentAccepted");
        stage.post("/admin/clock/advance", "{\"by\": \"PT1M\"}");
        awaitAnnounced(order, "ShipmentAccepted", "FulfillmentProgressed", "FulfillmentProgressed",
                "FulfillmentProgressed", "FulfillmentProgressed");
    }

    private void awaitAnnounced(String order, String... types) {
        await("announced " + List.of(types)).atMost(WAIT).untilAsserted(() ->
                assertThat(stage.announcedTypes(order)).containsExactly(types));
    }

    /** Authorizes the order's payment at the sandbox, as payment-consumer would, and announces it. */
    private PaymentAuthorized authorized(String order) throws Exception {
        JsonNode authorization = stage.postWithKey("/payments/authorizations", "pay-" + order + "-1",
                "{\"orderId\": \"" + order + "\", \"amountMinor\": 2000, \"currency\": \"EUR\","
                        + " \"paymentMethodToken\": \"tok_visa\"}");
        return PaymentAuthorized.newBuilder().setMetadata(metadata(order))
                .setAuthorizationId(authorization.path("authorizationId").asText()).setAmountMinor(2000L)
                .setCurrency("EUR").build();
    }

    private static EventMetadata metadata(String order) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(order).setCorrelationId(order)
                .setCausationId(null).setOccurredAt(Instant.now()).setProducer("shipping-it").setAttempt(1).build();
    }

    private static OrderPlaced placed(String order, String postalCode) {
        return OrderPlaced.newBuilder().setMetadata(metadata(order)).setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(2).setUnitPriceMinor(1000)
                        .build()))
                .setCurrency("EUR").setTotalMinor(2000L)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada Lovelace")
                        .setLine1("Unter den Linden 1").setLine2(null).setCity("Berlin").setPostalCode(postalCode)
                        .setRegion(null).setCountryCode("DE").build())
                .setPaymentMethodToken("tok_visa").build();
    }
}
