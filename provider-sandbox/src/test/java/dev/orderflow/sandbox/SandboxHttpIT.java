package dev.orderflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sandbox.client.CallCounts;
import dev.orderflow.sandbox.client.SandboxAdminClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every API over real HTTP against a sandbox on an ephemeral port. The sandbox's clock is fixed and only moved
 * through the admin API, so expiry and fulfillment progress are reached by moving time, never by waiting.
 */
class SandboxHttpIT {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(1);
    private static final String BERLIN = "{\"recipientName\":\"Ada\",\"line1\":\"Unter den Linden 1\","
            + "\"city\":\"Berlin\",\"postalCode\":\"10117\",\"countryCode\":\"DE\"}";

    private static ProviderSandbox sandbox;
    private static HttpClient http;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        sandbox = ProviderSandbox.start(SandboxConfig.builder()
                .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
                .paymentKeyRetention(Duration.ofHours(24))
                .fulfillmentStepInterval(Duration.ofMinutes(10))
                .initialStock(Map.of("SKU-1", 100, "SKU-SCARCE", 2))
                .build());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void noFaults() throws Exception {
        assertThat(send("PUT", "/admin/faults", null, "{\"profile\":\"none\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void stockReservesOnceRefusesConflictsAndOutOfStockAndCommits() throws Exception {
        String order = unique("order");
        String body = "{\"orderId\":\"" + order + "\",\"sku\":\"SKU-1\",\"quantity\":3}";

        HttpResponse<String> created = send("POST", "/stock/reservations", "rk-" + order, body);
        HttpResponse<String> replayed = send("POST", "/stock/reservations", "rk-" + order, body);
        HttpResponse<String> conflict = send("POST", "/stock/reservations", "rk-" + order,
                body.replace("\"quantity\":3", "\"quantity\":4"));
        HttpResponse<String> outOfStock = send("POST", "/stock/reservations", "rk2-" + order,
                "{\"orderId\":\"" + order + "\",\"sku\":\"SKU-SCARCE\",\"quantity\":3}");

        assertThat(created.statusCode()).isEqualTo(201);
        String reservationId = json(created).get("reservationId").asText();
        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(replayed).get("reservationId").asText()).isEqualTo(reservationId);
        assertProblem(conflict, 409, "IDEMPOTENCY_KEY_REUSED");
        assertProblem(outOfStock, 422, "OUT_OF_STOCK");
        assertThat(json(outOfStock).get("subjects").get(0).asText()).isEqualTo("SKU-SCARCE");

        assertThat(json(get("/stock/reservations/by-key/rk2-" + order)).get("outcome").asText())
                .isEqualTo("REJECTED");
        assertThat(json(send("POST", "/stock/reservations/" + reservationId + "/commit", null, ""))
                .get("status").asText()).isEqualTo("COMMITTED");
        assertProblem(send("POST", "/stock/reservations/" + reservationId + "/release", null, ""), 409,
                "RESERVATION_NOT_LIVE");
        assertThat(effects(order)).containsExactly("STOCK_RESERVED", "STOCK_COMMITTED");
        assertThat(json(get("/stock/items/SKU-SCARCE")).get("available").asLong()).isEqualTo(2);
    }

    @Test
    void paymentKeysExpireAndAReuseAfterTheWindowChargesAgain() throws Exception {
        String order = unique("order");
        String body = "{\"orderId\":\"" + order + "\",\"amountMinor\":4999,\"currency\":\"EUR\","
                + "\"paymentMethodToken\":\"tok_visa\"}";
        String key = "pk-" + order;

        String first = json(send("POST", "/payments/authorizations", key, body)).get("authorizationId").asText();
        assertThat(send("POST", "/payments/authorizations", key, body).headers()
                .firstValue("Idempotent-Replayed")).contains("true");
        assertThat(send("POST", "/admin/clock/advance", null, "{\"by\":\"PT25H\"}").statusCode()).isEqualTo(200);
        String second = json(send("POST", "/payments/authorizations", key, body)).get("authorizationId").asText();

        assertThat(second).isNotEqualTo(first);
        JsonNode status = json(get("/payments/authorizations/by-key/" + key));
        assertThat(status.get("executions").asInt()).isEqualTo(2);
        assertThat(status.get("resource").get("authorizationId").asText()).isEqualTo(second);
        JsonNode invariants = json(get("/ledger/invariants"));
        assertThat(invariants.get("holds").asBoolean()).isFalse();
        assertThat(invariants.get("multipleCharges").findValuesAsText("orderId")).contains(order);

        assertThat(json(send("POST", "/payments/authorizations/" + second + "/void", null,
                "{\"reason\":\"duplicate\"}")).get("status").asText()).isEqualTo("VOIDED");
        assertProblem(send("POST", "/payments/authorizations/" + second + "/refund", null, ""), 409,
                "AUTHORIZATION_NOT_ACTIVE");
        assertProblem(send("POST", "/payments/authorizations", unique("pk"),
                body.replace("tok_visa", "tok_card_declined")), 422, "CARD_DECLINED");
        assertThat(effects(order)).containsExactly("PAYMENT_AUTHORIZED", "PAYMENT_AUTHORIZED", "PAYMENT_VOIDED");
    }

    @Test
    void fulfillmentProgressIsSeenByPollingAndInTheEventFeed() throws Exception {
        String order = unique("order");
        long feedStart = json(get("/fulfillment/events?after=0&limit=1000")).get("nextAfter").asLong();
        String body = "{\"orderId\":\"" + order + "\",\"address\":" + BERLIN
                + ",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";

        HttpResponse<String> accepted = send("POST", "/fulfillment/shipments", "fk-" + order, body);
        assertThat(accepted.statusCode()).isEqualTo(201);
        String shipmentId = json(accepted).get("shipmentId").asText();
        assertProblem(send("POST", "/fulfillment/shipments", "fk2-" + order,
                body.replace("10117", "00000")), 422, "INVALID_ADDRESS");
        assertProblem(send("POST", "/fulfillment/shipments", "fk3-" + order,
                body.replace("\"DE\"", "\"PE\"")), 422, "UNSUPPORTED_DESTINATION");

        send("POST", "/admin/clock/advance", null, "{\"by\":\"PT25M\"}");
        assertThat(json(get("/fulfillment/shipments/" + shipmentId)).get("stage").asText()).isEqualTo("PACKED");
        send("POST", "/admin/clock/advance", null, "{\"by\":\"PT20M\"}");
        JsonNode delivered = json(get("/fulfillment/shipments/by-key/fk-" + order)).get("resource");
        assertThat(delivered.get("stage").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.get("trackingNumber").asText()).startsWith("TRK");

        List<String> stages = new ArrayList<>();
        for (JsonNode event : json(get("/fulfillment/events?after=" + feedStart + "&limit=1000")).get("events")) {
            if (event.get("shipmentId").asText().equals(shipmentId)) {
                stages.add(event.get("stage").asText());
            }
        }
        assertThat(stages).containsExactly("PICKED", "PACKED", "HANDED_TO_CARRIER", "DELIVERED");
        JsonNode wholeFeed = json(get("/fulfillment/events?after=0&limit=1000"));
        assertThat(json(get("/fulfillment/events?after=0&limit=1")).get("latestSequence").asLong())
                .as("the feed's end, on a page of one").isEqualTo(wholeFeed.get("nextAfter").asLong())
                .isGreaterThanOrEqualTo(feedStart + 4);
    }

    @Test
    void aLostReplyAfterTheWorkIsInTheLedgerAndFoundByAStatusQuery() throws Exception {
        String order = unique("order");
        String key = "pk-" + order;
        String body = "{\"orderId\":\"" + order + "\",\"amountMinor\":1000,\"currency\":\"EUR\","
                + "\"paymentMethodToken\":\"tok_visa\"}";
        override("payment.authorize", "{\"lostReplyAfterWorkRate\":1.0,\"holdMs\":30000}");

        assertThatThrownBy(() -> send("POST", "/payments/authorizations", key, body))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(effects(order)).containsExactly("PAYMENT_AUTHORIZED");
        JsonNode status = json(get("/payments/authorizations/by-key/" + key));
        assertThat(status.get("outcome").asText()).isEqualTo("SUCCEEDED");
        String authorizationId = status.get("resource").get("authorizationId").asText();

        noFaults();
        HttpResponse<String> retry = send("POST", "/payments/authorizations", key, body);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(retry).get("authorizationId").asText()).isEqualTo(authorizationId);
        assertThat(effects(order)).containsExactly("PAYMENT_AUTHORIZED");
    }

    @Test
    void aConnectionClosedAfterTheWorkLeavesTheReservationInPlace() throws Exception {
        String order = unique("order");
        override("stock.reserve", "{\"lostReplyAfterWorkRate\":1.0,\"holdMs\":0}");

        assertThatThrownBy(() -> send("POST", "/stock/reservations", "rk-" + order,
                "{\"orderId\":\"" + order + "\",\"sku\":\"SKU-1\",\"quantity\":1}"))
                .isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);

        assertThat(effects(order)).containsExactly("STOCK_RESERVED");
        assertThat(json(get("/stock/reservations/by-key/rk-" + order)).get("resource").get("status").asText())
                .isEqualTo("RESERVED");
    }

    @Test
    void aTimeoutBeforeTheWorkLeavesNoTraceAndTheSameKeyIsSafeToRetry() throws Exception {
        String order = unique("order");
        String body = "{\"orderId\":\"" + order + "\",\"address\":" + BERLIN
                + ",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";
        override("fulfillment.accept", "{\"timeoutBeforeWorkRate\":1.0,\"holdMs\":30000}");

        assertThatThrownBy(() -> send("POST", "/fulfillment/shipments", "fk-" + order, body))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(effects(order)).isEmpty();
        assertProblem(get("/fulfillment/shipments/by-key/fk-" + order), 404, "UNKNOWN_IDEMPOTENCY_KEY");
        noFaults();
        HttpResponse<String> retry = send("POST", "/fulfillment/shipments", "fk-" + order, body);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(effects(order)).containsExactly("SHIPMENT_ACCEPTED");
    }

    @Test
    void theAdminEndpointChangesTheProfileAtRunTimeAndStaysReachableUnderFaults() throws Exception {
        JsonNode harsh = json(send("PUT", "/admin/faults", null, "{\"profile\":\"harsh\",\"seed\":3}"));
        assertThat(harsh.get("profile").asText()).isEqualTo("harsh");
        assertThat(harsh.get("seed").asLong()).isEqualTo(3);
        assertThat(json(get("/admin/faults")).get("operations").get("payment.authorize")
                .get("lostReplyAfterWorkRate").asDouble()).isPositive();

        JsonNode overloaded = json(send("PUT", "/admin/faults", null, "{\"profile\":\"none\",\"overrides\":"
                + "{\"stock.status\":{\"overloadRate\":1.0,\"retryAfterSeconds\":4}}}"));
        assertThat(overloaded.get("overridden").get(0).asText()).isEqualTo("stock.status");
        HttpResponse<String> refused = get("/stock/reservations/by-key/anything");
        assertThat(refused.statusCode()).isIn(429, 503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("4");
        assertThat(json(refused).get("injected").asBoolean()).isTrue();
        assertThat(get("/admin/faults").statusCode()).isEqualTo(200);
        assertThat(get("/ledger/invariants").statusCode()).isEqualTo(200);

        assertProblem(send("PUT", "/admin/faults", null, "{\"profile\":\"brutal\"}"), 400, "UNKNOWN_FAULT_PROFILE");
    }

    @Test
    void theCallCountsShowRetriesOfOneLogicalOperation() throws Exception {
        SandboxAdminClient client = new SandboxAdminClient(sandbox.baseUri());
        CallCounts counted = client.calls();
        JsonNode before = json(get("/admin/calls")).path("operations").path("stock.reserve");
        send("PUT", "/admin/faults", null, "{\"profile\":\"none\",\"overrides\":"
                + "{\"stock.reserve\":{\"overloadRate\":1.0,\"retryAfterSeconds\":0}}}");
        String order = unique("order");
        String body = "{\"orderId\":\"" + order + "\",\"sku\":\"SKU-1\",\"quantity\":1}";
        assertThat(send("POST", "/stock/reservations", "rk-" + order, body).statusCode()).isIn(429, 503);
        assertThat(send("POST", "/stock/reservations", "rk-" + order, body).statusCode()).isIn(429, 503);
        send("PUT", "/admin/faults", null, "{\"profile\":\"none\"}");
        assertThat(send("POST", "/stock/reservations", "rk-" + order, body).statusCode()).isEqualTo(201);

        JsonNode after = json(get("/admin/calls")).path("operations").path("stock.reserve");
        assertThat(after.get("calls").asLong() - before.path("calls").asLong()).isEqualTo(3);
        assertThat(after.get("distinct").asLong() - before.path("distinct").asLong()).isEqualTo(1);
        assertThat(after.get("outcomes").get("OVERLOAD").asLong()
                - before.path("outcomes").path("OVERLOAD").asLong()).isEqualTo(2);
        assertThat(after.get("outcomes").get("OK").asLong()
                - before.path("outcomes").path("OK").asLong()).isEqualTo(1);
        CallCounts reserve = client.calls().since(counted);
        assertThat(reserve.operations().get("stock.reserve"))
                .isEqualTo(new CallCounts.OperationCalls(3, 1, Map.of("OVERLOAD", 2L, "OK", 1L)));
        assertThat(reserve.retries()).isEqualTo(2);
    }

    @Test
    void theSameSeedReplaysTheSameFaultsOverHttp() throws Exception {
        String settings = "{\"profile\":\"none\",\"seed\":21,\"overrides\":{\"stock.status\":"
                + "{\"transientErrorRate\":0.3,\"overloadRate\":0.3,\"retryAfterSeconds\":0}}}";
        send("PUT", "/admin/faults", null, settings);
        List<Integer> first = statuses("/stock/reservations/by-key/x", 40);
        send("PUT", "/admin/faults", null, settings);
        List<Integer> second = statuses("/stock/reservations/by-key/x", 40);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(404).containsAnyOf(500, 502).containsAnyOf(429, 503);
    }

    @Test
    void concurrentCallsWithOneKeyHaveOneEffectAndConcurrentReservesNeverOversell() throws Exception {
        String order = unique("order");
        String sku = unique("SKU");
        send("PUT", "/admin/stock/" + sku, null, "{\"available\":10}");
        String body = "{\"orderId\":\"" + order + "\",\"sku\":\"" + sku + "\",\"quantity\":1}";

        List<HttpResponse<String>> sameKey = concurrently(16, i -> request("POST", "/stock/reservations",
                "rk-" + order, body));
        List<HttpResponse<String>> distinctKeys = concurrently(30, i -> request("POST", "/stock/reservations",
                "rk-" + order + "-" + i, body));

        assertThat(sameKey).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(sameKey).extracting(r -> json(r).get("reservationId").asText()).containsOnly(
                json(sameKey.get(0)).get("reservationId").asText());
        assertThat(distinctKeys).filteredOn(r -> r.statusCode() == 201).hasSize(9);
        assertThat(distinctKeys).filteredOn(r -> r.statusCode() == 422).hasSize(21);
        assertThat(effects(order)).hasSize(10).containsOnly("STOCK_RESERVED");
        JsonNode level = json(get("/stock/items/" + sku));
        assertThat(level.get("available").asLong()).isZero();
        assertThat(level.get("lowestAvailable").asLong()).isZero();
    }

    private static List<HttpResponse<String>> concurrently(int calls, IntFunction<HttpRequest> requests) {
        List<CompletableFuture<HttpResponse<String>>> futures = IntStream.range(0, calls).mapToObj(requests)
                .map(request -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString())).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void errorsAreProblemDocumentsWithAReasonCode() throws Exception {
        assertProblem(get("/nowhere"), 404, "NOT_FOUND");
        assertProblem(send("POST", "/stock/reservations", null, "{\"orderId\":\"o\",\"sku\":\"SKU-1\","
                + "\"quantity\":1}"), 400, "MISSING_IDEMPOTENCY_KEY");
        assertProblem(send("POST", "/stock/reservations", unique("k"), "{not json"), 400, "MALFORMED_JSON");
        assertProblem(send("POST", "/payments/authorizations", unique("k"), "{\"orderId\":\"o\"}"), 400,
                "INVALID_REQUEST");
        assertProblem(send("DELETE", "/stock/items", null, ""), 405, "METHOD_NOT_ALLOWED");
    }

    private List<Integer> statuses(String path, int calls) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(get(path).statusCode());
        }
        return statuses;
    }

    private void override(String operation, String settings) throws Exception {
        HttpResponse<String> response = send("PUT", "/admin/faults", null,
                "{\"profile\":\"none\",\"overrides\":{\"" + operation + "\":" + settings + "}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private List<String> effects(String orderId) throws Exception {
        List<String> effects = new ArrayList<>();
        json(get("/ledger?orderId=" + orderId)).get("entries").forEach(e -> effects.add(e.get("effect").asText()));
        return effects;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String reason) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("reason").asText()).isEqualTo(reason);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("urn:orderflow:sandbox:problem:");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    private static HttpResponse<String> send(String method, String path, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, path, idempotencyKey, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String method, String path, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUri() + path))
                .timeout(CLIENT_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
