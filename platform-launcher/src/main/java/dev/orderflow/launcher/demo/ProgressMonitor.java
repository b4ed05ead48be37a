package dev.orderflow.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks order-stream's API how many orders are in each state ({@code GET /stats}), so the progress the demo shows is
 * the read model's, the same one {@code GET /orders/{id}} and the exception queue answer from. While order-stream
 * cannot answer (rebalancing: 503, or not up yet) the last answer stands and the miss is counted.
 */
final class ProgressMonitor {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI stats;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private OrderProgress last = OrderProgress.NONE;
    private long misses;
    private String lastMiss = "";

    /** @param orderApi base URL of order-stream's API, e.g. {@code http://127.0.0.1:8084/orders} */
    ProgressMonitor(URI orderApi) {
        this.stats = orderApi.resolve("/stats");
        // HTTP/1.1: the JDK server answers without an h2c upgrade round.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /** The current counts, or the last ones when order-stream cannot answer right now. */
    OrderProgress read() throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stats).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                last = OrderProgress.fromStats(json.readTree(answer.body()));
            } else {
                miss("HTTP " + answer.statusCode());
            }
        } catch (IOException | IllegalArgumentException e) {
            miss(e.toString());
        }
        return last;
    }

    /** Reads that got no counts (order-stream rebalancing or unreachable), and why the last one failed. */
    String misses() {
        return misses == 0 ? "" : misses + " (last: " + lastMiss + ")";
    }

    private void miss(String why) {
        misses++;
        lastMiss = why;
    }
}
