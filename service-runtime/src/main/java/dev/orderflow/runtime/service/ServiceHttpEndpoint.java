package dev.orderflow.runtime.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.runtime.consumer.ConsumerLoops;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /health} (200 while every consumer loop runs, else 503; the body gives the loops and the partitions
 * they hold) and {@code GET /metrics} (Prometheus text, when the registry is a Prometheus one).
 */
final class ServiceHttpEndpoint implements AutoCloseable {

    private final HttpServer server;

    private ServiceHttpEndpoint(HttpServer server) {
        this.server = server;
    }

    static ServiceHttpEndpoint start(int port, ConsumerLoops consumer, MeterRegistry meters) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.createContext("/health", exchange -> {
                boolean running = consumer.isRunning();
                String body = "{\"status\":\"" + (running ? "UP" : "DOWN") + "\",\"consumer\":\"" + consumer.name()
                        + "\",\"loops\":" + consumer.loops().size() + ",\"partitions\":" + consumer.assignment().size()
                        + "}";
                respond(exchange, running ? 200 : 503, "application/json", body);
            });
            server.createContext("/metrics", exchange -> {
                if (meters instanceof PrometheusMeterRegistry prometheus) {
                    respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape());
                } else {
                    respond(exchange, 404, "text/plain", "metrics are not exported by this registry");
                }
            });
            server.start();
            return new ServiceHttpEndpoint(server);
        } catch (IOException e) {
            throw new ClassifiedException(FailureCategory.INTERNAL, "cannot listen on port " + port
                    + " for /health and /metrics: " + e.getMessage() + " (set http.port, or -1 to turn it off)", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
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
