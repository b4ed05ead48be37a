package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The handler's answers, with a stub in place of the database. */
class OrderIntakeHandlerTest {

    private static final UUID ORDER = UUID.fromString("0b6f2a52-3a43-4bb2-9d55-1c1b3e0fd001");

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<RequestFingerprint> fingerprints = new ArrayList<>();
    private final List<String> correlationIds = new ArrayList<>();

    @Test
    void anAcceptedOrderGets202WithLocationAndId() throws Exception {
        FakeExchange exchange = FakeExchange.post("key-1", OrderBodies.VALID);

        handler(accepting(false)).handle(exchange);

        assertThat(exchange.status()).isEqualTo(202);
        assertThat(exchange.getResponseHeaders().getFirst("Location")).isEqualTo("/orders/" + ORDER);
        assertThat(exchange.getResponseHeaders().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(exchange.getResponseHeaders().containsKey("Idempotent-Replayed")).isFalse();
        assertThat(json(exchange)).isEqualTo(mapper.readTree(
                "{\"orderId\":\"" + ORDER + "\",\"status\":\"ACCEPTED\"}"));
        assertThat(exchange.closed()).isTrue();
    }

    @Test
    void aReplayGetsTheSameAnswerMarkedAsReplayed() throws Exception {
        FakeExchange first = FakeExchange.post("key-1", OrderBodies.VALID);
        FakeExchange again = FakeExchange.post("key-1", OrderBodies.VALID);

        handler(accepting(false)).handle(first);
        handler(accepting(true)).handle(again);

        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.getResponseHeaders().getFirst("Location"))
                .isEqualTo(first.getResponseHeaders().getFirst("Location"));
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void theFingerprintIgnoresFormattingAndTheCorrelationIdIsPassedOn() {
        FakeExchange reformatted = FakeExchange.post("key-1", OrderBodies.valid().toString());
        reformatted.getRequestHeaders().add("X-Correlation-Id", "trace-77");
        OrderIntakeHandler handler = handler(accepting(false));

        handler.handle(FakeExchange.post("key-1", OrderBodies.VALID));
        handler.handle(reformatted);

        assertThat(fingerprints).hasSize(2);
        assertThat(fingerprints.get(1)).isEqualTo(fingerprints.get(0));
        assertThat(correlationIds).containsExactly(null, "trace-77");
    }

    @Test
    void aReusedKeyIs409() throws Exception {
        FakeExchange exchange = FakeExchange.post("key-1", OrderBodies.VALID);

        handler((k, f, r, c) -> new IntakeOutcome.KeyReused(ORDER)).handle(exchange);

        assertProblem(exchange, 409, "urn:orderflow:problem:idempotency-key-reused", "Idempotency-Key");
        assertThat(json(exchange).get("detail").asText()).doesNotContain(ORDER.toString());
    }

    @Test
    void anUnavailableStoreIs503WithRetryAfter() throws Exception {
        FakeExchange exchange = FakeExchange.post("key-1", OrderBodies.VALID);

        handler((k, f, r, c) -> {
            throw new IntakeUnavailableException("down", new java.sql.SQLException("refused", "08001"));
        }).handle(exchange);

        assertProblem(exchange, 503, "urn:orderflow:problem:unavailable", "retry");
        assertThat(exchange.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(exchange.body()).doesNotContain("08001", "refused", "SQLException");
    }

    @Test
    void anUnexpectedFailureIs500WithAReferenceAndNoInsides() throws Exception {
        FakeExchange exchange = FakeExchange.post("key-1", OrderBodies.VALID);

        handler((k, f, r, c) -> {
            throw new IllegalStateException("secret table name order_intake");
        }).handle(exchange);

        assertProblem(exchange, 500, "urn:orderflow:problem:internal-error", "reference");
        assertThat(exchange.body()).doesNotContain("IllegalStateException", "secret", "order_intake", "at dev.");
    }

    @Test
    void invalidFieldsAre422ListingEachOne() throws Exception {
        String body = OrderBodies.with(b -> {
            b.remove("customerId");
            OrderBodies.line(b, 0).put("quantity", 0);
        });
        FakeExchange exchange = FakeExchange.post("key-1", body);

        handler(accepting(false)).handle(exchange);

        assertProblem(exchange, 422, "urn:orderflow:problem:validation-failed", "2 fields are invalid");
        assertThat(json(exchange).get("errors")).isEqualTo(mapper.readTree("""
                [{"field": "customerId", "message": "is required"},
                 {"field": "lineItems[0].quantity", "message": "must be between 1 and 2147483647"}]
                """));
        assertThat(fingerprints).as("nothing placed").isEmpty();
    }

    @Test
    void aMissingIdempotencyKeyIs400NamingTheHeader() throws Exception {
        FakeExchange exchange = new FakeExchange("POST", "/orders", OrderBodies.VALID);
        exchange.getRequestHeaders().add("Content-Type", "application/json");

        handler(accepting(false)).handle(exchange);

        assertProblem(exchange, 400, "urn:orderflow:problem:invalid-request", "Idempotency-Key");
    }

    @Test
    void aMalformedIdempotencyKeyIs400NamingTheHeader() throws Exception {
        FakeExchange exchange = FakeExchange.post("two words", OrderBodies.VALID);

        handler(accepting(false)).handle(exchange);

        assertProblem(exchange, 400, "urn:orderflow:problem:invalid-request", "Idempotency-Key");
    }

    @Test
    void aWrongContentTypeIs400() throws Exception {
        FakeExchange exchange = new FakeExchange("POST", "/orders", OrderBodies.VALID);
        exchange.getRequestHeaders().add("Content-Type", "text/plain");
        exchange.getRequestHeaders().add("Idempotency-Key", "key-1");

        handler(accepting(false)).handle(exchange);

        assertProblem(exchange, 400, "urn:orderflow:problem:invalid-request", "Content-Type");
    }

    @Test
    void unparseableBodiesAre400() throws Exception {
        for (String body : List.of("{\"customerId\": ", "not json", "{} {}", "[1, 2]", "",
                "{\"customerId\": \"a\", \"customerId\": \"b\"}")) {
            FakeExchange exchange = FakeExchange.post("key-1", body);

            handler(accepting(false)).handle(exchange);

            assertProblem(exchange, 400, "urn:orderflow:problem:invalid-request", "");
        }
        assertThat(fingerprints).isEmpty();
    }

    @Test
    void aSyntaxErrorSaysWhere() throws Exception {
        FakeExchange exchange = FakeExchange.post("key-1", "{\n  \"customerId\": oops\n}");

        handler(accepting(false)).handle(exchange);

        assertThat(json(exchange).get("detail").asText()).contains("not valid JSON", "line 2");
    }

    @Test
    void aTooLargeBodyIs413() throws Exception {
        IntakeSettings settings = IntakeSettings.defaults().withMaxBodyBytes(1024);
        FakeExchange exchange = FakeExchange.post("key-1", "{\"customerId\":\"" + "x".repeat(2000) + "\"}");

        new OrderIntakeHandler(settings, accepting(false)).handle(exchange);

        assertProblem(exchange, 413, "urn:orderflow:problem:payload-too-large", "1024");
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        FakeExchange get = new FakeExchange("GET", "/orders", "");
        FakeExchange sub = new FakeExchange("POST", "/orders/123", OrderBodies.VALID);

        handler(accepting(false)).handle(get);
        handler(accepting(false)).handle(sub);

        assertProblem(get, 405, "urn:orderflow:problem:method-not-allowed", "GET");
        assertThat(get.getResponseHeaders().getFirst("Allow")).isEqualTo("POST");
        assertProblem(sub, 404, "urn:orderflow:problem:not-found", "/orders/123");
    }

    @Test
    void whenEveryPermitIsTakenTheNextRequestIs429WithRetryAfter() throws Exception {
        IntakeSettings settings = IntakeSettings.defaults().withMaxInFlight(1).withRetryAfter(
                java.time.Duration.ofSeconds(7));
        FakeExchange nested = FakeExchange.post("key-2", OrderBodies.VALID);
        OrderIntakeHandler[] handler = new OrderIntakeHandler[1];
        // The first request holds the only permit while it is being placed; a request arriving then is refused.
        handler[0] = new OrderIntakeHandler(settings, (k, f, r, c) -> {
            handler[0].handle(nested);
            return new IntakeOutcome.Accepted(ORDER, false);
        });
        FakeExchange first = FakeExchange.post("key-1", OrderBodies.VALID);

        handler[0].handle(first);

        assertProblem(nested, 429, "urn:orderflow:problem:too-many-requests", "limit");
        assertThat(nested.getResponseHeaders().getFirst("Retry-After")).isEqualTo("7");
        assertThat(first.status()).isEqualTo(202);
        FakeExchange later = FakeExchange.post("key-3", OrderBodies.VALID);
        handler[0].handle(later);
        assertThat(later.status()).as("the permit is back").isNotEqualTo(429);
    }

    private void assertProblem(FakeExchange exchange, int status, String type, String detailPart) throws Exception {
        assertThat(exchange.status()).as(exchange.body()).isEqualTo(status);
        assertThat(exchange.getResponseHeaders().getFirst("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = json(exchange);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).contains(detailPart);
        assertThat(problem.get("instance").asText()).isEqualTo(exchange.getRequestURI().getPath());
        assertThat(exchange.body()).doesNotContain("Exception", "\tat ");
    }

    private JsonNode json(FakeExchange exchange) throws Exception {
        return mapper.readTree(exchange.body());
    }

    private OrderIntakeHandler handler(OrderPlacement placement) {
        return new OrderIntakeHandler(IntakeSettings.defaults(), placement);
    }

    private OrderPlacement accepting(boolean replayed) {
        return (key, fingerprint, request, correlationId) -> {
            fingerprints.add(fingerprint);
            correlationIds.add(correlationId);
            return new IntakeOutcome.Accepted(ORDER, replayed);
        };
    }
}
