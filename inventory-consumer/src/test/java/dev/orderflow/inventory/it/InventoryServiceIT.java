package dev.orderflow.inventory.it;

import dev.orderflow.runtime.testkit.StageUnderTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.InventoryRejected;
import dev.orderflow.events.InventoryRejectionReason;
import dev.orderflow.events.InventoryReleased;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentDeclineReason;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.events.ReleaseReason;
import dev.orderflow.events.ShipmentAccepted;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.inventory.InventoryService;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * inventory-consumer as deployed: started by the runtime's runner against a real broker, PostgreSQL, schema
 * registry and the provider sandbox over HTTP, with faults injected at the sandbox. Asserts what the service
 * announced (its outbox) and what the provider holds (its ledger).
 */
@ExtendWith(RealInfrastructure.class)
class InventoryServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> INPUTS = List.of(OrderTopics.ORDERS, OrderTopics.PAYMENT, OrderTopics.SHIPPING,
            OrderTopics.COMMANDS);

    private static final Map<String, String> SETTINGS = Map.of(
            "policy.inventory.attempt.timeout", "500ms",
            "policy.inventory.deferral.schedule", "200ms,500ms",
            "policy.inventory.status.query.schedule", "200ms,500ms");
    private static final String BREAKER_GAUGE = "orderflow.stage.breaker.state";

    private final KafkaFixture kafka;
    private final PostgresFixture postgres;
    private final SchemaRegistryFixture registry;
    private StageUnderTest stage;

    InventoryServiceIT(KafkaFixture kafka, PostgresFixture postgres, SchemaRegistryFixture registry) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.registry = registry;
    }

    @BeforeEach
    void start() throws Exception {
        ProviderSandbox sandbox = ProviderSandbox.start(SandboxConfig.builder()
                .initialStock(Map.of("SKU-1", 100, "SKU-2", 0)).build());
        stage = new StageUnderTest(kafka, postgres, registry, sandbox, "inventory-it", INPUTS)
                .start(new InventoryService(), INPUTS, SETTINGS);
    }

    @AfterEach
    void stop() {
        stage.close();
    }

    @Test
    void aServiceStartedAgainOnTheSameRegistryShowsItsOwnBreaker() {
        Gauge first = stage.meters.get(BREAKER_GAUGE).tag("stage", "inventory").gauge();
        stage.runner().close();
        assertThat(stage.meters.find(BREAKER_GAUGE).gauges()).as("the stopped service's breaker gauge").isEmpty();

        stage.start(new InventoryService(), INPUTS, SETTINGS);

        Gauge again = stage.meters.get(BREAKER_GAUGE).tag("stage", "inventory").gauge();
        assertThat(again).as("a gauge of the new breaker, not the old one kept").isNotSameAs(first);
        assertThat(again.value()).isZero();
    }

    @Test
    void anOrderIsReservedAndItsStockCommittedWhenTheShipmentIsAccepted() throws Exception {
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "SKU-1", 3));
        awaitAnnounced(order, "InventoryReserved");

        stage.send(OrderTopics.SHIPPING, ShipmentAccepted.newBuilder().setMetadata(metadata(order))
                .setShipmentId("shp-x").build());
        awaitAnnounced(order, "InventoryReserved", "InventoryCommitted");

        assertThat(stage.ledger(order, "STOCK_RESERVED")).singleElement()
                .satisfies(e -> assertThat(e.path("idempotencyKey").asText()).isEqualTo("inv-" + order + "-1"));
        assertThat(stage.ledger(order, "STOCK_COMMITTED")).hasSize(1);
        assertThat(stage.invariantsHold()).isTrue();
    }

    @Test
    void outOfStockRejectsTheOrderAtOnce() throws Exception {
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "SKU-2", 1));

        awaitAnnounced(order, "InventoryRejected");
        InventoryRejected rejected = (InventoryRejected) stage.announced(order).get(0);
        assertThat(rejected.getReasonCode()).as(rejected.toString()).isEqualTo(InventoryRejectionReason.OUT_OF_STOCK);
        assertThat(rejected.getUnavailableSkus()).containsExactly("SKU-2");
        assertThat(stage.ledger(order, "STOCK_RESERVED")).isEmpty();
        assertThat(stage.count("SELECT count(*) FROM deferred_action")).isZero();
    }

    @Test
    void aReplyLostAfterTheReservationIsResolvedByTheStatusQueryWithOneReservation() throws Exception {
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"stock.reserve\": {\"lostReplyAfterWorkRate\": 1.0,"
                + " \"holdMs\": 0}}}");
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "SKU-1", 2));

        awaitAnnounced(order, "InventoryReserved");
        assertThat(stage.ledger(order, "STOCK_RESERVED")).as("exactly one reservation at the provider").hasSize(1);
        JsonNode byKey = stage.getJson("/stock/reservations/by-key/inv-" + order + "-1");
        assertThat(byKey.path("executions").asInt()).isEqualTo(1);
        assertThat(stage.invariantsHold()).isTrue();
    }

    /** Transient (5xx), overload (503 + Retry-After) and ambiguous-not-done (timeout before the work) rows. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"transientErrorRate\": 1.0", "\"overloadRate\": 1.0, \"retryAfterSeconds\": 2",
            "\"timeoutBeforeWorkRate\": 1.0, \"holdMs\": 0"})
    void aCallThatFailsWithoutEffectGetsADeferredRetryUnderTheSameKey(String fault) throws Exception {
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"stock.reserve\": {" + fault + "}}}");
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "SKU-1", 1));
        await("deferred retry scheduled").atMost(WAIT).until(() -> stage.count(
                "SELECT count(*) FROM deferred_action WHERE kind = 'reserve-retry' AND order_id = '" + order + "'") == 1);
        assertThat(stage.announced(order)).isEmpty();

        stage.faults("{\"profile\": \"none\"}");

        awaitAnnounced(order, "InventoryReserved");
        assertThat(stage.ledger(order, "STOCK_RESERVED")).singleElement()
                .satisfies(e -> assertThat(e.path("idempotencyKey").asText()).isEqualTo("inv-" + order + "-1"));
        await("deferred work done").atMost(WAIT).until(() -> stage.count("SELECT count(*) FROM deferred_action") == 0);
    }

    @Test
    void anOutcomeThatStaysUnknownIsAnnouncedPendingAndResolvedByALaterStatusCheck() throws Exception {
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"stock.reserve\": {\"lostReplyAfterWorkRate\": 1.0,"
                + " \"holdMs\": 0}, \"stock.status\": {\"transientErrorRate\": 1.0}}}");
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "SKU-1", 1));
        awaitAnnounced(order, "InventoryPending");
        assertThat(stage.count("SELECT count(*) FROM deferred_action WHERE kind = 'reserve-status-recheck'"))
                .isEqualTo(1);

        stage.faults("{\"profile\": \"none\"}");

        awaitAnnounced(order, "InventoryPending", "InventoryReserved");
        assertThat(stage.ledger(order, "STOCK_RESERVED")).as("the reservation made before the lost reply").hasSize(1);
        assertThat(stage.invariantsHold()).isTrue();
    }

    @Test
    void aLaterAttemptWinsAndWhatTheUnresolvedEarlierAttemptReservedIsReleased() throws Exception {
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"stock.reserve\": {\"lostReplyAfterWorkRate\": 1.0,"
                + " \"holdMs\": 0}, \"stock.status\": {\"transientErrorRate\": 1.0}}}");
        String order = UniqueNames.of("order");
        stage.send(OrderTopics.ORDERS, placed(order, "SKU-1", 1));
        awaitAnnounced(order, "InventoryPending");

        // Reserve answers again, status checks still fail: the first attempt stays unresolved until the second
        // one has reserved (else a re-check could resolve the first attempt before the second arrives).
        stage.faults("{\"profile\": \"none\", \"overrides\": {\"stock.status\": {\"transientErrorRate\": 1.0}}}");
        OrderPlaced second = placed(order, "SKU-1", 1);
        second.getMetadata().setAttempt(2);
        stage.send(OrderTopics.ORDERS, second);
        awaitAnnounced(order, "InventoryPending", "InventoryReserved");

        stage.faults("{\"profile\": \"none\"}");
        awaitAnnounced(order, "InventoryPending", "InventoryReserved", "InventoryReleased");
        assertThat(((InventoryReleased) stage.announced(order).get(2)).getReason()).isEqualTo(ReleaseReason.SUPERSEDED);
        List<JsonNode> reserved = stage.ledger(order, "STOCK_RESERVED");
        assertThat(reserved).extracting(e -> e.path("idempotencyKey").asText())
                .containsExactly("inv-" + order + "-1", "inv-" + order + "-2");
        assertThat(stage.ledger(order, "STOCK_RELEASED")).singleElement()
                .satisfies(e -> assertThat(e.path("reference").asText())
                        .isEqualTo(reserved.get(0).path("reference").asText()));
        assertThat(stage.invariantsHold()).as("one live reservation in the end").isTrue();
    }

    @Test
    void aRedeliveredOrReplayedEventHasNoSecondEffect() throws Exception {
        String order = UniqueNames.of("order");
        OrderPlaced placed = placed(order, "SKU-1", 1);
        PaymentDeclined declined = PaymentDeclined.newBuilder().setMetadata(metadata(order))
                .setReasonCode(PaymentDeclineReason.CARD_DECLINED).setDetail(null).build();
        stage.send(OrderTopics.ORDERS, placed);
        stage.send(OrderTopics.ORDERS, placed);
        stage.send(stage.consumerName + ".replay", placed);
        awaitAnnounced(order, "InventoryReserved");
        stage.send(OrderTopics.PAYMENT, declined);
        stage.send(OrderTopics.PAYMENT, declined);
        awaitAnnounced(order, "InventoryReserved", "InventoryReleased");

        await("duplicates skipped").atMost(WAIT).until(() -> stage.meters.counter(
                "orderflow.consumer.duplicates.skipped", "consumer", stage.consumerName).count() >= 3);
        assertThat(stage.announcedTypes(order)).containsExactly("InventoryReserved", "InventoryReleased");
        assertThat(((InventoryReleased) stage.announced(order).get(1)).getReason())
                .isEqualTo(ReleaseReason.PAYMENT_DECLINED);
        assertThat(stage.ledger(order, "STOCK_RESERVED")).hasSize(1);
        assertThat(stage.ledger(order, "STOCK_RELEASED")).hasSize(1);
        assertThat(stage.invariantsHold()).isTrue();
    }

    @Test
    void anOperatorCancelReleasesAndAMalformedOrderIsDeadLetteredWithoutStoppingThePartition() throws Exception {
        String order = UniqueNames.of("order");
        OrderPlaced malformed = OrderPlaced.newBuilder(placed(order, "SKU-1", 1)).setLineItems(List.of()).build();
        stage.send(OrderTopics.ORDERS, malformed);
        stage.send(OrderTopics.ORDERS, placed(order, "SKU-1", 1));
        awaitAnnounced(order, "InventoryReserved");

        stage.send(OrderTopics.COMMANDS, CancelOrderCommand.newBuilder().setMetadata(metadata(order))
                .setCompensate(true).setOperator("ops").setReason("customer asked").build());

        awaitAnnounced(order, "InventoryReserved", "InventoryReleased");
        assertThat(stage.meters.counter("orderflow.consumer.dead.lettered", "consumer", stage.consumerName,
                "category", "MALFORMED").count()).isEqualTo(1);
        assertThat(stage.ledger(order, "STOCK_RELEASED")).hasSize(1);
    }

    private void awaitAnnounced(String order, String... types) {
        await("announced " + List.of(types)).atMost(WAIT).untilAsserted(() ->
                assertThat(stage.announcedTypes(order)).containsExactly(types));
    }

    private static EventMetadata metadata(String order) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(order).setCorrelationId(order)
                .setCausationId(null).setOccurredAt(Instant.now()).setProducer("inventory-it").setAttempt(1).build();
    }

    static OrderPlaced placed(String order, String sku, int quantity) {
        return OrderPlaced.newBuilder().setMetadata(metadata(order)).setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku(sku).setQuantity(quantity).setUnitPriceMinor(1000)
                        .build()))
                .setCurrency("EUR").setTotalMinor(1000L * quantity)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Vienna").setPostalCode("1010").setRegion(null).setCountryCode("AT")
                        .build())
                .setPaymentMethodToken("tok_visa").build();
    }
}
