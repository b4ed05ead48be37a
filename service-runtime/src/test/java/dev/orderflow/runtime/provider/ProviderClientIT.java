package dev.orderflow.runtime.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.runtime.failure.FailureCategory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider client against a real HTTP server on loopback: what reaches the provider, and how each way a call
 * can end is classified. Whether the request left is what separates a transient failure from an ambiguous one
 * (DESIGN.md §1), so the transport's own exceptions are exercised here, not mocked.
 */
class ProviderClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int CONCURRENT_CALLS = 40;

    private final Map<String, String> seen = new ConcurrentHashMap<>();
    /** The client ends (address and port) that requests to /reservations came from. */
    private final Set<String> remotes = ConcurrentHashMap.newKeySet();
    /** Released when a test ends, so a handler told to hold its answer never outlives the test. */
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final CountDownLatch allArrived = new CountDownLatch(CONCURRENT_CALLS);
    private ExecutorService serverThreads;
    private HttpServer server;
    private ProviderClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newFixedThreadPool(CONCURRENT_CALLS + 4);
        server.setExecutor(serverThreads);
        server.createContext("/reservations", this::recordAndAnswer);
        server.createContext("/busy", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            answer(exchange, 503, "{\"reason\":\"UNAVAILABLE\",\"detail\":\"try later\"}");
        });
        server.createContext("/declined", exchange ->
                answer(exchange, 422, "{\"reason\":\"CARD_DECLINED\",\"detail\":\"insufficient funds\"}"));
        server.createContext("/slow", exchange -> {
            await(testOver);
            answer(exchange, 200, "{}");
        });
        server.createContext("/together", exchange -> {
            allArrived.countDown();
            await(allArrived);
            answer(exchange, 200, "{\"ok\":true}");
        });
        server.start();
        client = new ProviderClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(1), JSON);
    }

    @AfterEach
    void stopServer() {
        testOver.countDown();
        client.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void aPostCarriesItsKeyAndJsonBodyAndReturnsTheAnswer() {
        JsonNode answer = client.post("reserve", "/reservations", "order-1:reserve",
                Map.of("orderId", "order-1", "quantity", 2), TIMEOUT);

        assertThat(answer.path("reservationId").asText()).isEqualTo("res-1");
        assertThat(seen).containsEntry("method", "POST")
                .containsEntry("key", "order-1:reserve")
                .containsEntry("accept", "application/json");
        assertThat(seen.get("contentType")).startsWith("application/json");
        JsonNode sent = JSON.valueToTree(parse(seen.get("body")));
        assertThat(sent).isEqualTo(JSON.valueToTree(Map.of("orderId", "order-1", "quantity", 2)));
    }

    @Test
    void aPostWithoutBodyOrKeySendsNeither() {
        client.post("release", "/reservations", null, null, TIMEOUT);

        assertThat(seen).containsEntry("method", "POST").containsEntry("body", "").doesNotContainKey("key");
    }

    @Test
    void anOverloadAnswerIsOverloadWithItsRetryAfter() {
        assertThatThrownBy(() -> client.get("status", "/busy", TIMEOUT))
                .isInstanceOfSatisfying(ProviderCallException.class, e -> {
                    assertThat(e.category()).isEqualTo(FailureCategory.OVERLOAD);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.reasonCode()).contains("UNAVAILABLE");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void aRejectionIsBusinessWithTheProvidersReason() {
        assertThatThrownBy(() -> client.post("authorize", "/declined", "k", Map.of(), TIMEOUT))
                .isInstanceOfSatisfying(ProviderCallException.class, e -> {
                    assertThat(e.category()).isEqualTo(FailureCategory.BUSINESS);
                    assertThat(e.reasonCode()).contains("CARD_DECLINED");
                    assertThat(e.getMessage()).contains("insufficient funds");
                });
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsAmbiguous() {
        assertThatThrownBy(() -> client.post("reserve", "/slow", "k", Map.of(), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ProviderCallException.class, e -> {
                    assertThat(e.category()).isEqualTo(FailureCategory.AMBIGUOUS);
                    assertThat(e.status()).isZero();
                });
    }

    @Test
    void aConnectionClosedAfterTheRequestWithoutAnAnswerIsAmbiguous() throws Exception {
        ExecutorService hangingUp = Executors.newSingleThreadExecutor();
        try (ServerSocket dropping = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<?> dropper = hangingUp.submit(() -> readOneRequestAndHangUp(dropping));
            ProviderClient toDropper = new ProviderClient(URI.create("http://127.0.0.1:" + dropping.getLocalPort()),
                    Duration.ofSeconds(1), JSON);
            try (toDropper) {
                assertThatThrownBy(() -> toDropper.post("authorize", "/payments", "k", Map.of(), TIMEOUT))
                        .isInstanceOfSatisfying(ProviderCallException.class,
                                e -> assertThat(e.category()).isEqualTo(FailureCategory.AMBIGUOUS));
            }
            dropper.get(5, TimeUnit.SECONDS);
        } finally {
            hangingUp.shutdownNow();
        }
    }

    @Test
    void aRefusedConnectionIsTransientBecauseNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (ProviderClient nowhere = new ProviderClient(URI.create("http://127.0.0.1:" + closedPort),
                Duration.ofSeconds(1), JSON)) {
            assertThatThrownBy(() -> nowhere.post("reserve", "/reservations", "k", Map.of(), TIMEOUT))
                    .isInstanceOfSatisfying(ProviderCallException.class,
                            e -> assertThat(e.category()).isEqualTo(FailureCategory.TRANSIENT));
        }
    }

    /** The server answers only once all calls are in: a pool smaller than the callers would never get there. */
    @Test
    void concurrentCallsDoNotWaitForEachOthersConnections() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT_CALLS);
        try {
            List<Future<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_CALLS; i++) {
                calls.add(callers.submit(() -> client.get("status", "/together", TIMEOUT)));
            }
            for (Future<JsonNode> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS).path("ok").asBoolean()).isTrue();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aConnectionIsReusedAcrossCalls() {
        for (int i = 0; i < 20; i++) {
            client.get("status", "/reservations", TIMEOUT);
        }

        assertThat(remotes).hasSize(1);
    }

    private void recordAndAnswer(HttpExchange exchange) throws IOException {
        seen.put("method", exchange.getRequestMethod());
        seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        putIfPresent("key", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        putIfPresent("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        putIfPresent("accept", exchange.getRequestHeaders().getFirst("Accept"));
        remotes.add(exchange.getRemoteAddress().toString());
        answer(exchange, 201, "{\"reservationId\":\"res-1\"}");
    }

    private void putIfPresent(String name, String value) {
        if (value != null) {
            seen.put(name, value);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the request head and body (up to the blank line and a little more), then closes without a word. */
    private static Void readOneRequestAndHangUp(ServerSocket server) throws IOException {
        try (Socket connection = server.accept()) {
            InputStream in = connection.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
        }
        return null;
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
