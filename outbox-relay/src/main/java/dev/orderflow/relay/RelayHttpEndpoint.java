package dev.orderflow.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.relay.internals.SourceRelay;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health} (200 while every source streams, else 503, with each source's state and lag as JSON) and
 * {@code GET /metrics} (Prometheus text format).
 */
public final class RelayHttpEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private RelayHttpEndpoint(HttpServer server) {
        this.server = server;
    }

    public static RelayHttpEndpoint start(int port, OutboxRelay relay, PrometheusMeterRegistry registry) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.createContext("/health", exchange -> health(exchange, relay));
            server.createContext("/metrics", exchange -> respond(exchange, 200,
                    "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
            server.start();
            return new RelayHttpEndpoint(server);
        } catch (IOException e) {
            throw new RelayStartException("cannot listen on port " + port + " for /health and /metrics: "
                    + e.getMessage() + " (set http.port, or -1 to turn the endpoint off)", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void health(HttpExchange exchange, OutboxRelay relay) throws IOException {
        Map<String, Object> sources = new LinkedHashMap<>();
        for (SourceRelay s : relay.sources()) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("state", s.state());
            state.put("published", s.metrics().publishedCount());
            state.put("resent", s.metrics().resentCount());
            state.put("slotLagBytes", s.metrics().slotLagBytes());
            if (s.failure() != null) {
                state.put("failure", s.failure());
            }
            sources.put(s.source().name(), state);
        }
        boolean up = relay.isStreaming();
        respond(exchange, up ? 200 : 503, "application/json",
                JSON.writeValueAsString(Map.of("status", up ? "UP" : "DOWN", "sources", sources)));
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
