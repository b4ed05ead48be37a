package dev.orderflow.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The providers' own count of the calls they received ({@code GET /admin/calls} of the sandbox): retries are the
 * calls beyond one per logical operation (an idempotency key, or one status/compensation path), so they include
 * every retry the services made, quick or deferred, which no single service sees.
 */
final class ProviderCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI calls;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private long lastRetries;

    /** @param sandbox base URL of the provider sandbox */
    ProviderCalls(URI sandbox) {
        this.calls = sandbox.resolve("/admin/calls");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /** Calls beyond the first per logical operation so far; the last known figure when the sandbox does not answer. */
    long retries() throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(calls).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                lastRetries = retriesOf(json.readTree(answer.body()));
            }
        } catch (IOException e) {
            // A display figure: the last one stands until the sandbox answers again.
        }
        return lastRetries;
    }

    /** Σ (calls − distinct) over every operation of a {@code GET /admin/calls} answer. */
    static long retriesOf(JsonNode answer) {
        long retries = 0;
        for (Map.Entry<String, JsonNode> operation : answer.path("operations").properties()) {
            retries += Math.max(0, operation.getValue().path("calls").asLong() - operation.getValue().path("distinct").asLong());
        }
        return retries;
    }
}
