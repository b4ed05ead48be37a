package dev.orderflow.orderstream.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.orderstream.domain.EscalationPolicy;
import dev.orderflow.orderstream.domain.EventType;
import dev.orderflow.orderstream.domain.OrderEvent;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderStateMachine;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.domain.ViewLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API over loopback with two instances backed by in-memory directories: forwarding, fan-out, every status
 * code, and the intake mount. No broker: the Streams side is covered by OrderStreamIT.
 */
class OrderApiServerIT {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private final OrderStateMachine machine = new OrderStateMachine(
            EscalationPolicy.of(EscalationPolicy.defaultDeadlines()), ViewLimits.DEFAULT);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private FakeDirectory dirA;
    private FakeDirectory dirB;
    private OrderApiServer a;
    private OrderApiServer b;

    @BeforeEach
    void start() throws IOException {
        a = OrderApiServer.bind(0);
        b = OrderApiServer.bind(0);
        dirA = new FakeDirectory("localhost:" + a.port());
        dirB = new FakeDirectory("localhost:" + b.port());
        dirA.peer = dirB;
        dirB.peer = dirA;
        a.start(dirA, new PeerClient(Duration.ofSeconds(2)), Optional.empty(), () -> "# metrics\n");
        b.start(dirB, new PeerClient(Duration.ofSeconds(2)), Optional.of(exchange -> {
            byte[] body = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Location", "/orders/new-1");
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }), () -> "# metrics\n");
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private OrderView order(String id, EventType... events) {
        OrderView v = machine.apply(null, OrderEvent.of(id + "-0", id, EventType.ORDER_PLACED, T0, 1)).view();
        int i = 1;
        for (EventType type : events) {
            v = machine.apply(v, OrderEvent.of(id + "-" + i, id, type, T0.plusSeconds(i++), 1)).view();
        }
        return v;
    }

    private HttpResponse<String> get(OrderApiServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOrderIsAnsweredByEitherInstance() throws Exception {
        dirA.put(order("o-a", EventType.INVENTORY_RESERVED));
        dirB.put(order("o-b", EventType.INVENTORY_REJECTED));

        for (OrderApiServer server : List.of(a, b)) {
            HttpResponse<String> ra = get(server, "/orders/o-a");
            HttpResponse<String> rb = get(server, "/orders/o-b");
            assertThat(ra.statusCode()).isEqualTo(200);
            assertThat(json.readTree(ra.body()).get("state").asText()).isEqualTo("INVENTORY_RESERVED");
            assertThat(json.readTree(rb.body()).get("state").asText()).isEqualTo("REJECTED");
            assertThat(json.readTree(rb.body()).get("timeline")).hasSize(2);
        }
    }

    @Test
    void anUnknownOrderIs404Problem() throws Exception {
        HttpResponse<String> r = get(a, "/orders/nope");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("instance").asText()).isEqualTo("/orders/nope");
        assertThat(problem.has("type") && problem.has("title") && problem.has("detail")).isTrue();
    }

    @Test
    void whileRebalancingTheAnswerIs503WithRetryAfter() throws Exception {
        dirA.ready = false;

        HttpResponse<String> one = get(a, "/orders/o-x");
        HttpResponse<String> queue = get(a, "/orders?state=ESCALATED");
        HttpResponse<String> ready = get(a, "/ready");
        HttpResponse<String> health = get(a, "/health");

        for (HttpResponse<String> r : List.of(one, queue, ready)) {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).contains("1");
        }
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(get(b, "/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void theExceptionQueueMergesEveryInstanceAndPages() throws Exception {
        for (int i = 0; i < 7; i++) {
            OrderView blocked = order("q-" + i, EventType.INVENTORY_RESERVED, EventType.PAYMENT_AUTHORIZED,
                    EventType.SHIPMENT_REJECTED);
            (i % 2 == 0 ? dirA : dirB).put(blocked);
        }
        dirA.put(order("other", EventType.INVENTORY_RESERVED));

        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            HttpResponse<String> r = get(b, "/orders?state=blocked&limit=3" + (after == null ? "" : "&after=" + after));
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode page = json.readTree(r.body());
            page.get("orders").forEach(o -> seen.add(o.get("orderId").asText()));
            after = page.hasNonNull("next") ? page.get("next").asText() : null;
        } while (after != null);

        assertThat(seen).containsExactly("q-0", "q-1", "q-2", "q-3", "q-4", "q-5", "q-6");
    }

    @Test
    void statsCountEveryInstancesOrdersPerState() throws Exception {
        dirA.put(order("s-1", EventType.INVENTORY_RESERVED));
        dirA.put(order("s-2", EventType.INVENTORY_REJECTED));
        dirB.put(order("s-3", EventType.INVENTORY_RESERVED));
        dirB.put(order("s-4"));

        for (OrderApiServer server : List.of(a, b)) {
            JsonNode stats = json.readTree(get(server, "/stats").body());
            assertThat(stats.get("orders").asLong()).isEqualTo(4);
            assertThat(stats.get("states").get("INVENTORY_RESERVED").asLong()).isEqualTo(2);
            assertThat(stats.get("states").get("REJECTED").asLong()).isEqualTo(1);
            assertThat(stats.get("states").get("PLACED").asLong()).isEqualTo(1);
            assertThat(stats.get("states").get("DELIVERED").asLong()).isZero();
            assertThat(stats.get("states")).hasSize(OrderState.values().length);
            assertThat(stats.has("pendingActions")).isTrue();
        }
        JsonNode local = json.readTree(get(a, "/stats?local=true").body());
        assertThat(local.get("orders").asLong()).isEqualTo(2);
    }

    @Test
    void statsWhileRebalancingAre503() throws Exception {
        dirB.ready = false;

        HttpResponse<String> r = get(a, "/stats");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(get(a, "/stats/x").statusCode()).isEqualTo(404);
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        Map<String, String> cases = Map.of(
                "/orders?state=NOPE", "state",
                "/orders", "state",
                "/orders?state=BLOCKED&limit=0", "limit",
                "/orders?state=BLOCKED&limit=x", "limit",
                "/orders?state=BLOCKED&state=PLACED", "state");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = get(a, c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("parameter").asText()).as(c.getKey()).isEqualTo(c.getValue());
        }
    }

    @Test
    void postOrdersGoesToTheIntakeHandlerOr405() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + b.port() + "/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> mounted = http.send(post, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> absent = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + a.port()
                + "/orders")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + a.port()
                + "/orders/o-1")).DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(mounted.statusCode()).isEqualTo(202);
        assertThat(mounted.headers().firstValue("Location")).contains("/orders/new-1");
        assertThat(absent.statusCode()).isEqualTo(405);
        assertThat(absent.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void metricsAreServed() throws Exception {
        HttpResponse<String> r = get(a, "/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("# metrics");
    }

    /** A directory owning the orders put into it; the peer owns the rest. */
    private static final class FakeDirectory implements OrderDirectory {
        private final String self;
        private final Map<String, OrderView> views = new TreeMap<>();
        FakeDirectory peer;
        volatile boolean ready = true;

        FakeDirectory(String self) {
            this.self = self;
        }

        void put(OrderView v) {
            views.put(v.orderId(), v);
        }

        @Override
        public Ownership ownerOf(String orderId) {
            if (!ready) {
                return Ownership.unavailable();
            }
            return views.containsKey(orderId) || !peer.views.containsKey(orderId) ? Ownership.local()
                    : Ownership.remote(peer.self);
        }

        @Override
        public Optional<OrderView> localView(String orderId) {
            return Optional.ofNullable(views.get(orderId));
        }

        @Override
        public List<OrderView> localPage(OrderState state, String after, int limit) {
            return views.values().stream().filter(v -> v.state() == state)
                    .filter(v -> after == null || v.orderId().compareTo(after) > 0)
                    .sorted(Comparator.comparing(OrderView::orderId)).limit(limit).toList();
        }

        @Override
        public OrderStats localStats() {
            return OrderStats.of(views.values());
        }

        @Override
        public List<String> peers() {
            return List.of(peer.self);
        }

        @Override
        public Health health() {
            return new Health(ready ? "RUNNING" : "REBALANCING", true, ready);
        }
    }
}
