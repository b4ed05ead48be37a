package dev.orderflow.launcher.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where every order of a run ended, as order-stream tells it ({@code GET /orders/{id}}), and whether the providers'
 * ledger kept its invariants ({@code GET /ledger/invariants}). An order is settled when it is terminal (delivered,
 * rejected, cancelled, resolved) or waits visibly for an operator (blocked, escalated); an order order-stream does
 * not know (404) is lost.
 */
public final class OrderAudit {

    /** States that end a run's interest in an order. */
    public static final Set<String> SETTLED = Set.of("DELIVERED", "REJECTED", "CANCELLED", "RESOLVED", "BLOCKED",
            "ESCALATED");
    /** Settled states that needed (or need) a human. */
    public static final Set<String> OPERATOR = Set.of("BLOCKED", "ESCALATED");
    /** The state reported for an order order-stream does not know. */
    public static final String UNKNOWN = "UNKNOWN";
    /** The state reported when no instance answered for an order. */
    public static final String UNANSWERED = "UNANSWERED";

    /** Orders per state, and the ids of those not settled yet (with their state). */
    public record Settlement(Map<String, Long> byState, Map<String, String> unsettled) {

        public long operatorNeeded() {
            return OPERATOR.stream().mapToLong(s -> byState.getOrDefault(s, 0L)).sum();
        }

        public long count(String state) {
            return byState.getOrDefault(state, 0L);
        }
    }

    private static final int QUERIES_IN_FLIGHT = 8;

    private final List<URI> orderApis;
    private final URI sandbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    public OrderAudit(List<URI> orderApis, URI sandbox) {
        this.orderApis = List.copyOf(orderApis);
        this.sandbox = sandbox;
    }

    /** One pass over {@code orderIds}, a few queries in flight. */
    public Settlement settlement(Collection<String> orderIds) throws InterruptedException {
        List<String> ids = new ArrayList<>(orderIds);
        List<Callable<String>> queries = ids.stream().<Callable<String>>map(id -> () -> stateOf(id)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(QUERIES_IN_FLIGHT, r -> new Thread(r, "order-audit"));
        try {
            List<Future<String>> states = pool.invokeAll(queries);
            Map<String, Long> byState = new TreeMap<>();
            Map<String, String> unsettled = new TreeMap<>();
            for (int i = 0; i < ids.size(); i++) {
                String state = states.get(i).get();
                byState.merge(state, 1L, Long::sum);
                if (!SETTLED.contains(state)) {
                    unsettled.put(ids.get(i), state);
                }
            }
            return new Settlement(byState, unsettled);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an order query failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The order's state, {@link #UNKNOWN} on 404, {@link #UNANSWERED} when no instance answered. */
    public String stateOf(String orderId) throws InterruptedException {
        for (URI api : orderApis) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/orders/" + orderId))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return json.readTree(response.body()).path("state").asText();
                }
                if (response.statusCode() == 404) {
                    return UNKNOWN;
                }
            } catch (IOException e) {
                // try the next instance
            }
        }
        return UNANSWERED;
    }

    /** The sandbox's invariant audit: {@code holds} plus one list per invariant (empty when it holds). */
    public JsonNode ledgerInvariants() throws IOException, InterruptedException {
        return json.readTree(http.send(HttpRequest.newBuilder(sandbox.resolve("/ledger/invariants"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
