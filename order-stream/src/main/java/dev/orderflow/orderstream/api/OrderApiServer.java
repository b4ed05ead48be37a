package dev.orderflow.orderstream.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of order-stream on the JDK's HttpServer:
 * <ul>
 *   <li>{@code GET /orders/{id}}: the order's view (state, timeline, ...), from whichever instance owns it; 404
 *       for an unknown id, 503 with {@code Retry-After} while rebalancing;</li>
 *   <li>{@code GET /orders?state=ESCALATED&limit=50&after=<orderId>}: the exception queue, from all instances;</li>
 *   <li>{@code GET /stats}: how many orders are in each state, over all instances;</li>
 *   <li>{@code POST /orders}: the order intake handler when one is mounted, else 405;</li>
 *   <li>{@code GET /health} (alive), {@code GET /ready} (Streams RUNNING), {@code GET /metrics} (Prometheus).</li>
 * </ul>
 * The server is bound before Kafka Streams starts, so the advertised {@code application.server} can carry the
 * real port even when {@code http.port=0}.
 */
public final class OrderApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderApiServer.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    // Enough for the intake API's in-flight limit plus queries: a request beyond the limit must get its 429 at once.
    private static final int THREADS = 48;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "order-api");
        t.setDaemon(true);
        return t;
    });
    private final ObjectMapper mapper = Json.newMapper();
    private final Responses responses = new Responses(mapper);

    private OrderApiServer(HttpServer server) {
        this.server = server;
    }

    /** Binds the port without serving yet. */
    public static OrderApiServer bind(int port) throws IOException {
        return new OrderApiServer(HttpServer.create(new InetSocketAddress(port), 0));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Starts serving.
     *
     * @param intake the {@code POST /orders} handler, if this deployment takes orders
     * @param metrics the Prometheus scrape text
     */
    public void start(OrderDirectory directory, PeerClient peers, Optional<HttpHandler> intake,
                      Supplier<String> metrics) {
        OrderQueries queries = new OrderQueries(directory, peers, mapper);
        server.createContext("/orders", exchange -> guarded(exchange, () -> orders(exchange, queries, intake)));
        server.createContext("/stats", exchange -> guarded(exchange, () -> stats(exchange, queries)));
        server.createContext("/health", exchange -> guarded(exchange, () -> health(exchange, directory, false)));
        server.createContext("/ready", exchange -> guarded(exchange, () -> health(exchange, directory, true)));
        server.createContext("/metrics", exchange -> guarded(exchange, () -> Responses.bytes(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", metrics.get().getBytes(StandardCharsets.UTF_8))));
        server.setExecutor(executor);
        server.start();
    }

    private interface Action {
        void run() throws IOException;
    }

    /** Every failure becomes a problem answer; a stack trace goes to the log, never to the client. */
    private void guarded(HttpExchange exchange, Action action) throws IOException {
        try {
            action.run();
        } catch (BadRequestException e) {
            responses.badRequest(exchange, e);
        } catch (QueryUnavailableException e) {
            responses.unavailable(exchange, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            responses.problem(exchange, 500, "internal", "Internal error", "the request failed; see the server log");
        } finally {
            exchange.close();
        }
    }

    private void orders(HttpExchange exchange, OrderQueries queries, Optional<HttpHandler> intake) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean collection = path.equals("/orders") || path.equals("/orders/");
        if (collection && method.equals("POST")) {
            if (intake.isPresent()) {
                intake.get().handle(exchange);
            } else {
                responses.methodNotAllowed(exchange, "GET");
            }
            return;
        }
        if (!method.equals("GET")) {
            responses.methodNotAllowed(exchange, collection ? "GET, POST" : "GET");
            return;
        }
        Map<String, String> params = params(exchange);
        boolean localOnly = "true".equals(params.get("local"));
        if (collection) {
            responses.json(exchange, 200, queries.page(state(params), params.get("after"), limit(params), localOnly));
            return;
        }
        String orderId = URLDecoder.decode(path.substring("/orders/".length()), StandardCharsets.UTF_8);
        if (orderId.isEmpty() || orderId.contains("/")) {
            responses.problem(exchange, 404, "not-found", "Not found", "no resource at " + path);
            return;
        }
        OrderQueries.Lookup lookup = queries.find(orderId, localOnly);
        if (lookup.relayed() != null) {
            PeerClient.Answer answer = lookup.relayed();
            if (answer.status() == 503) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(Responses.RETRY_AFTER_SECONDS));
            }
            Responses.bytes(exchange, answer.status(), answer.contentType(), answer.body());
        } else if (lookup.view() != null) {
            responses.json(exchange, 200, lookup.view());
        } else {
            responses.problem(exchange, 404, "order-not-found", "Order not found", "no order with id " + orderId);
        }
    }

    private void stats(HttpExchange exchange, OrderQueries queries) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/stats")) {
            responses.problem(exchange, 404, "not-found", "Not found", "no resource at "
                    + exchange.getRequestURI().getPath());
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            responses.methodNotAllowed(exchange, "GET");
            return;
        }
        responses.json(exchange, 200, queries.stats("true".equals(params(exchange).get("local"))));
    }

    private static OrderState state(Map<String, String> params) {
        String value = params.get("state");
        if (value == null || value.isBlank()) {
            throw new BadRequestException("state", "state is required, e.g. state=ESCALATED");
        }
        try {
            return OrderState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("state", "'" + value + "' is not an order state; one of "
                    + List.of(OrderState.values()));
        }
    }

    private static int limit(Map<String, String> params) {
        String value = params.get("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Falls through to the problem below, which names the parameter.
        }
        throw new BadRequestException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '"
                + value + "'");
    }

    private static Map<String, String> params(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (params.putIfAbsent(key, value) != null) {
                throw new BadRequestException(key, "parameter " + key + " is given twice");
            }
        }
        return params;
    }

    private void health(HttpExchange exchange, OrderDirectory directory, boolean readiness) throws IOException {
        OrderDirectory.Health health = directory.health();
        boolean up = readiness ? health.ready() : health.alive();
        if (!up && readiness) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(Responses.RETRY_AFTER_SECONDS));
        }
        responses.json(exchange, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "streams", health.state()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
