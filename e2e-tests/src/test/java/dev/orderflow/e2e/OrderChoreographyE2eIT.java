package dev.orderflow.e2e;

import static dev.orderflow.e2e.E2ePlatform.INVENTORY;
import static dev.orderflow.e2e.E2ePlatform.PAYMENT;
import static dev.orderflow.e2e.OrderApi.order;
import static dev.orderflow.e2e.OrderApi.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order choreography end to end (issue 8): orders placed through the intake API, followed through the order API
 * (state and timeline) and counted by the providers (the sandbox ledger and its invariants, DESIGN.md §4), with the
 * operator acting through the real CLI. One platform for the class; every scenario places its own orders.
 */
@ExtendWith(RealInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderChoreographyE2eIT {

    /** Generous: the build machine is shared and slow; the waits end as soon as the condition holds. */
    private static final Duration END_STATE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String SKU = E2ePlatform.STOCKED_SKUS.get(0);

    private static final List<String> HAPPY_PATH = List.of("PLACED", "INVENTORY_RESERVED", "PAYMENT_AUTHORIZED",
            "SHIPMENT_ACCEPTED", "FULFILLING", "DELIVERED");
    private static final List<String> UNDO_EFFECTS = List.of("STOCK_RELEASED", "PAYMENT_VOIDED", "PAYMENT_REFUNDED");

    private E2ePlatform platform;
    private OrderApi api;
    private Sandbox sandbox;
    private OpsCli ops;

    @BeforeAll
    void startPlatform(KafkaFixture kafka, PostgresFixture postgres, SchemaRegistryFixture registry)
            throws InterruptedException {
        platform = E2ePlatform.start(kafka, postgres, registry, outboxMode());
        api = new OrderApi(platform.orderApi());
        sandbox = new Sandbox(platform.sandboxUri());
        ops = new OpsCli(platform);
    }

    /** How the platform's parts write their outbox; a subclass runs every scenario the other way. */
    OutboxMode outboxMode() {
        return OutboxMode.TABLE;
    }

    @AfterEach
    void providersWorkAgain() {
        sandbox.clearFaults();
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void happyPathEndsDeliveredWithOneReservationOneChargeOneShipment() {
        String orderId = api.place(order(SKU, 2));

        JsonNode view = awaitState(orderId, "DELIVERED");

        assertThat(OrderApi.states(view)).containsExactlyElementsOf(HAPPY_PATH);
        assertThat(OrderApi.events(view)).startsWith("ORDER_PLACED")
                .contains("INVENTORY_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED", "FULFILLMENT_PROGRESSED");
        // Inventory commits the reservation once the shipment is accepted, independently of the delivery.
        await("reservation committed").atMost(END_STATE).pollInterval(POLL)
                .until(() -> sandbox.effects(orderId).contains("STOCK_COMMITTED"));
        assertThat(sandbox.effects(orderId))
                .containsSubsequence("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED", "STOCK_COMMITTED")
                .containsOnlyOnce("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED", "STOCK_COMMITTED")
                .doesNotContainAnyElementsOf(UNDO_EFFECTS);
        assertInvariantsHold();
    }

    @Test
    void theServicesWriteTheirOutboxTheWayThePlatformIsConfigured() throws java.sql.SQLException {
        String orderId = api.place(order(SKU, 1));
        awaitState(orderId, "DELIVERED");
        // The dedupe rows are written in the same transactions as the outbox: once their counts have reached the
        // statistics, so have the outbox's.
        for (String database : List.of("orders", "inventory", "payment", "shipping")) {
            String dedupeTable = database.equals("orders") ? "order_intake" : "processed_event";
            await(database + " statistics").atMost(END_STATE).pollInterval(POLL)
                    .until(() -> platform.rowsInserted(database, dedupeTable) > 0);
            long outboxRows = platform.rowsInserted(database, "outbox");
            if (outboxMode() == OutboxMode.TABLE) {
                assertThat(outboxRows).as(database + " outbox rows").isPositive();
            } else {
                assertThat(outboxRows).as(database + " outbox rows: events went as messages").isZero();
            }
        }
    }

    @Test
    void lostRepliesAreSettledByStatusQueriesAndAnUnknownShipmentWaitsWithoutASecondOne() {
        // Every provider does the work and the reply is lost; stock and payment answer status queries, the
        // fulfillment status API is down, so the shipment's outcome stays unknown for a while.
        Map<String, Object> lostReply = Map.of("lostReplyAfterWorkRate", 1.0, "holdMs", 4_000);
        sandbox.faults(Map.of("stock.reserve", lostReply, "payment.authorize", lostReply,
                "fulfillment.accept", lostReply, "fulfillment.status", Map.of("transientErrorRate", 1.0)));
        String orderId = api.place(order(SKU, 1));

        awaitState(orderId, "SHIPMENT_PENDING");
        assertThat(sandbox.effects(orderId)).as("each provider did its work once, whatever the client saw")
                .containsExactly("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED");

        sandbox.clearFaults();
        JsonNode view = awaitState(orderId, "DELIVERED");

        assertThat(OrderApi.states(view)).containsExactly("PLACED", "INVENTORY_RESERVED", "PAYMENT_AUTHORIZED",
                "SHIPMENT_PENDING", "SHIPMENT_ACCEPTED", "FULFILLING", "DELIVERED");
        assertThat(sandbox.effects(orderId))
                .containsOnlyOnce("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED")
                .doesNotContainAnyElementsOf(UNDO_EFFECTS);
        assertInvariantsHold();
    }

    @Test
    void outOfStockIsRejectedAndNothingIsCharged() {
        String orderId = api.place(order(E2ePlatform.SOLD_OUT_SKU, 1));

        JsonNode view = awaitState(orderId, "REJECTED");

        assertThat(OrderApi.states(view)).containsExactly("PLACED", "REJECTED");
        assertThat(OrderApi.events(view)).containsExactly("ORDER_PLACED", "INVENTORY_REJECTED");
        assertThat(view.path("reason").asText()).contains("OUT_OF_STOCK");
        assertThat(sandbox.effects(orderId)).as("no reservation, no charge, no shipment").isEmpty();
    }

    @Test
    void transientErrorsAndOverloadAtTheStockProviderAreRiddenOutAndTheOrderCompletes() {
        sandbox.faults(Map.of("stock.reserve", Map.of("transientErrorRate", 1.0)));
        double before = retriesMetOrRefused("inventory");
        String orderId = api.place(order(SKU, 1));
        await("inventory meets the 5xx and retries").atMost(END_STATE).pollInterval(POLL)
                .until(() -> retriesMetOrRefused("inventory") > before);

        sandbox.faults(Map.of("stock.reserve", Map.of("overloadRate", 1.0, "retryAfterSeconds", 1)));
        double afterTransient = retriesMetOrRefused("inventory");
        await("inventory meets the 429/503 and backs off").atMost(END_STATE).pollInterval(POLL)
                .until(() -> retriesMetOrRefused("inventory") > afterTransient);
        assertThat(api.state(orderId)).isIn("PLACED", "INVENTORY_PENDING", "(unknown)");
        assertThat(sandbox.effects(orderId)).as("a refused call leaves no side effect").isEmpty();

        sandbox.clearFaults();
        JsonNode view = awaitState(orderId, "DELIVERED");

        assertThat(OrderApi.states(view)).containsSubsequence(HAPPY_PATH);
        assertThat(sandbox.effects(orderId))
                .containsOnlyOnce("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED");
        assertInvariantsHold();
    }

    @Test
    void declinedPaymentCancelsTheOrderAndReleasesTheStock() {
        String orderId = api.place(with(order(SKU, 1), "paymentMethodToken", "tok_card_declined"));

        JsonNode view = awaitState(orderId, "CANCELLED");

        assertThat(OrderApi.states(view))
                .containsExactly("PLACED", "INVENTORY_RESERVED", "COMPENSATING", "CANCELLED");
        assertThat(OrderApi.events(view)).contains("PAYMENT_DECLINED", "INVENTORY_RELEASED");
        assertThat(sandbox.effects(orderId)).containsExactly("STOCK_RESERVED", "STOCK_RELEASED");
        assertInvariantsHold();
    }

    @Test
    void ambiguousPaymentsWaitForTheOperatorWhoMovesOneOnAndCompensatesTheOther() {
        // The gateway charges but the reply is lost, and its status API is down: the outcome is unknown.
        Map<String, Object> statusDown = Map.of("transientErrorRate", 1.0);
        sandbox.faults(Map.of("payment.authorize", Map.of("lostReplyAfterWorkRate", 1.0, "holdMs", 5_000),
                "payment.status", statusDown));
        String charged = api.place(order(SKU, 1));
        awaitState(charged, "PAYMENT_PENDING");
        // The next one times out before the gateway did anything; still unknown to the payment service.
        sandbox.faults(Map.of("payment.authorize", Map.of("timeoutBeforeWorkRate", 1.0, "holdMs", 5_000),
                "payment.status", statusDown));
        String notCharged = api.place(order(SKU, 1));
        awaitState(notCharged, "PAYMENT_PENDING");

        assertThat(sandbox.effects(charged)).as("charged, but no shipment and no release while unknown")
                .containsExactly("STOCK_RESERVED", "PAYMENT_AUTHORIZED");
        assertThat(sandbox.effects(notCharged)).containsExactly("STOCK_RESERVED");
        assertThat(api.state(charged)).isEqualTo("PAYMENT_PENDING");

        // The operator checks with the gateway (its ledger here) and settles both; the status API stays down.
        String authorization = sandbox.ledger(charged).stream()
                .filter(e -> e.path("effect").asText().equals("PAYMENT_AUTHORIZED"))
                .findFirst().orElseThrow().path("reference").asText();
        OpsCli.Run authorized = ops.run("orders", "resolve-payment", charged, "--outcome", "authorized",
                "--reference", authorization, "--reason", "charge confirmed in the gateway console, INC-1");
        assertThat(authorized.exitCode()).as(authorized.toString()).isZero();
        OpsCli.Run failed = ops.run("orders", "resolve-payment", notCharged, "--outcome", "failed",
                "--reference", "none", "--reason", "no authorization in the gateway console, INC-2");
        assertThat(failed.exitCode()).as(failed.toString()).isZero();

        JsonNode movedOn = awaitState(charged, "DELIVERED");
        assertThat(OrderApi.states(movedOn)).containsSubsequence("INVENTORY_RESERVED", "PAYMENT_PENDING",
                "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED", "DELIVERED");
        assertThat(OrderApi.events(movedOn)).contains("PAYMENT_PENDING", "RESOLVE_PAYMENT_COMMAND");
        assertThat(sandbox.effects(charged))
                .containsOnlyOnce("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED")
                .doesNotContainAnyElementsOf(UNDO_EFFECTS);

        JsonNode compensated = awaitState(notCharged, "CANCELLED");
        assertThat(OrderApi.states(compensated)).containsSubsequence("PAYMENT_PENDING", "COMPENSATING", "CANCELLED");
        assertThat(OrderApi.events(compensated)).contains("RESOLVE_PAYMENT_COMMAND", "INVENTORY_RELEASED");
        assertThat(sandbox.effects(notCharged)).containsExactly("STOCK_RESERVED", "STOCK_RELEASED");

        for (String orderId : List.of(charged, notCharged)) {
            List<JsonNode> audit = jsonLines(ops.run("audit", "--order-id", orderId, "--format", "jsonl"));
            assertThat(audit).singleElement().satisfies(entry -> {
                assertThat(entry.path("action").asText()).isEqualTo("RESOLVE_PAYMENT");
                assertThat(entry.path("operator").asText()).isEqualTo(OpsCli.OPERATOR);
                assertThat(entry.path("reason").asText()).contains("gateway console");
            });
        }
        assertInvariantsHold();
    }

    @Test
    void rejectedShipmentBlocksTheOrderAndThePaymentIsNotRefunded() {
        String orderId = api.place(with(order(SKU, 1), "shippingAddress", OrderApi.address("JP")));

        JsonNode view = awaitState(orderId, "BLOCKED");

        assertThat(OrderApi.states(view))
                .containsExactly("PLACED", "INVENTORY_RESERVED", "PAYMENT_AUTHORIZED", "BLOCKED");
        assertThat(OrderApi.events(view)).contains("SHIPMENT_REJECTED");
        assertThat(view.path("reason").asText()).contains("UNSUPPORTED_DESTINATION");
        assertThat(sandbox.effects(orderId)).containsOnlyOnce("STOCK_RESERVED", "PAYMENT_AUTHORIZED")
                .doesNotContain("SHIPMENT_ACCEPTED").doesNotContainAnyElementsOf(UNDO_EFFECTS);
        assertInvariantsHold();
    }

    @Test
    void poisonRecordsAreDeadLetteredListedReplayedDiscardedAndAuditedWhileOrdersFlow() throws Exception {
        // One undecodable record at the head of every partition of the orders topic: any order placed next is
        // behind one, so it completes only if no consumer stops at a poison record (DESIGN.md §4.6).
        String key = UniqueNames.of("poison");
        int partitions = OrderTopics.DEFAULT_PARTITIONS;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(platform.kafka().producerConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>(OrderTopics.ORDERS, partition, key.getBytes(StandardCharsets.UTF_8),
                        "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        String orderId = api.place(order(SKU, 1));

        List<String> deadLetterTopics = List.of(OrderTopics.deadLetter(INVENTORY), OrderTopics.deadLetter(PAYMENT),
                OrderTopics.deadLetter(E2ePlatform.SHIPPING), OrderTopics.deadLetter(OrderStreamConfig.CONSUMER_NAME));
        for (String dlq : deadLetterTopics) {
            await("every poison record dead-lettered to " + dlq).atMost(END_STATE).pollInterval(POLL)
                    .until(() -> deadLetters(dlq, key).size() == partitions);
            assertThat(deadLetters(dlq, key)).allSatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("OPEN"));
        }
        assertThat(OrderApi.states(awaitState(orderId, "DELIVERED"))).containsExactlyElementsOf(HAPPY_PATH);
        assertThat(sandbox.effects(orderId))
                .containsOnlyOnce("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED");
        OpsCli.Run list = ops.run("dlq", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains(deadLetterTopics).contains("MALFORMED");

        String inventoryDlq = OrderTopics.deadLetter(INVENTORY);
        OpsCli.Run replay = ops.run("dlq", "replay", "-t", inventoryDlq, "--order-id", key,
                "--reason", "replay after the decoder fix, INC-3");
        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        await("the replayed records fail again and come back as new open dead letters").atMost(END_STATE)
                .pollInterval(POLL).until(() -> deadLetters(inventoryDlq, key).size() == 2 * partitions);
        for (String dlq : deadLetterTopics) {
            OpsCli.Run discard = ops.run("dlq", "discard", "-t", dlq, "--order-id", key, "--status", "OPEN",
                    "--reason", "garbage from the test shop, INC-3");
            assertThat(discard.exitCode()).as(discard.toString()).isZero();
        }

        assertThat(deadLetters(inventoryDlq, key)).extracting(r -> r.path("status").asText())
                .containsOnly("REPLAYED", "DISCARDED").hasSize(2 * partitions)
                .filteredOn("REPLAYED"::equals).hasSize(partitions);
        for (String dlq : deadLetterTopics.subList(1, deadLetterTopics.size())) {
            assertThat(deadLetters(dlq, key)).extracting(r -> r.path("status").asText())
                    .hasSize(partitions).containsOnly("DISCARDED");
        }
        // This run's actions only: the audit topic is the broker's, shared with every platform of the test JVM.
        List<JsonNode> audit = jsonLines(ops.run("audit", "-t", inventoryDlq, "--order-id", key, "--format",
                "jsonl"));
        assertThat(audit).extracting(e -> e.path("action").asText())
                .containsExactlyElementsOf(actions(partitions, "REPLAY", "DISCARD"));
        assertThat(audit).allSatisfy(e -> assertThat(e.path("operator").asText()).isEqualTo(OpsCli.OPERATOR));
        assertThat(List.of(INVENTORY, PAYMENT, E2ePlatform.SHIPPING)).as("no service crashed on a poison record")
                .allMatch(platform::isRunning);
    }

    private static List<String> actions(int each, String... actions) {
        List<String> all = new ArrayList<>();
        for (String action : actions) {
            all.addAll(Collections.nCopies(each, action));
        }
        return all;
    }

    @Test
    void paymentServiceStoppedMidFlowPicksUpWhereItStoppedWithoutDuplicateCharges() {
        List<String> orders = new ArrayList<>();
        platform.stopService(PAYMENT);
        try {
            for (int i = 0; i < 3; i++) {
                orders.add(api.place(order(SKU, 1)));
            }
            for (String orderId : orders) {
                awaitState(orderId, "INVENTORY_RESERVED");
                assertThat(sandbox.effects(orderId)).containsExactly("STOCK_RESERVED");
            }
        } finally {
            platform.startService(PAYMENT);
        }

        for (String orderId : orders) {
            JsonNode view = awaitState(orderId, "DELIVERED");
            assertThat(OrderApi.states(view)).containsExactlyElementsOf(HAPPY_PATH);
            assertThat(sandbox.effects(orderId))
                    .containsOnlyOnce("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED")
                    .doesNotContainAnyElementsOf(UNDO_EFFECTS);
        }
        assertInvariantsHold();
    }

    @Test
    void shippingServiceRestartedWhileFollowingAShipmentResumesFromItsDurableDeferredWork() {
        // The fulfillment provider cannot report progress: the accepted shipment waits as a deferred poll in the
        // shipping database, not in a thread, so it must survive the service's restart.
        Map<String, Object> down = Map.of("transientErrorRate", 1.0);
        sandbox.faults(Map.of("fulfillment.status", down, "fulfillment.events", down));
        String orderId = api.place(order(SKU, 1));
        awaitState(orderId, "SHIPMENT_ACCEPTED");

        platform.stopService(E2ePlatform.SHIPPING);
        try {
            sandbox.clearFaults();
        } finally {
            platform.startService(E2ePlatform.SHIPPING);
        }

        JsonNode view = awaitState(orderId, "DELIVERED");
        assertThat(OrderApi.states(view)).containsExactlyElementsOf(HAPPY_PATH);
        assertThat(sandbox.effects(orderId))
                .containsOnlyOnce("STOCK_RESERVED", "PAYMENT_AUTHORIZED", "SHIPMENT_ACCEPTED")
                .doesNotContainAnyElementsOf(UNDO_EFFECTS);
        assertInvariantsHold();
    }

    private JsonNode awaitState(String orderId, String state) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("order " + orderId + " reaches " + state).atMost(END_STATE).pollInterval(POLL)
                .failFast("order " + orderId + " ended elsewhere", () -> terminalOtherThan(last.get(), state))
                .until(() -> {
                    api.view(orderId).ifPresent(last::set);
                    return last.get() != null && last.get().path("state").asText().equals(state);
                });
        return last.get();
    }

    /** A terminal state is final: waiting longer for another one would only hide the failure until the timeout. */
    private static boolean terminalOtherThan(JsonNode view, String expected) {
        if (view == null) {
            return false;
        }
        String state = view.path("state").asText();
        return !state.equals(expected) && List.of("DELIVERED", "REJECTED", "CANCELLED", "RESOLVED").contains(state);
    }

    private void assertInvariantsHold() {
        JsonNode invariants = sandbox.invariants();
        assertThat(invariants.path("holds").asBoolean()).as("ledger invariants: %s", invariants).isTrue();
    }

    /** Quick retries a stage made, plus those its retry budget refused: each one means a failed provider call. */
    private double retriesMetOrRefused(String stage) {
        return count("orderflow.stage.retries", stage) + count("orderflow.stage.retry.budget.exhausted", stage);
    }

    private double count(String name, String stage) {
        Counter counter = platform.meters().find(name).tag("stage", stage).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The DLQ's records for one key, as the CLI shows them (JSON lines with status and failure headers). */
    private List<JsonNode> deadLetters(String dlq, String key) {
        return jsonLines(ops.run("dlq", "show", "-t", dlq, "--order-id", key, "--format", "jsonl"));
    }

    private static List<JsonNode> jsonLines(OpsCli.Run run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().filter(l -> l.startsWith("{")).toList()) {
            try {
                lines.add(JsonHttp.JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }
        return lines;
    }
}
