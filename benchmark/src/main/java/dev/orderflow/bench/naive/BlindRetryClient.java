package dev.orderflow.bench.naive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shortcut's provider client: every call is tried a fixed number of times, at once, whatever the failure was
 * (5xx, 429/503 with Retry-After, a timeout after which the work may well be done); a 4xx answer ends it. No status
 * query, no backoff, no budget. Counts requests and logical operations for the retry amplification figure.
 */
final class BlindRetryClient {

    /** How a call ended, as the shortcut sees it. */
    sealed interface Outcome {
        /** 2xx. */
        record Done(JsonNode body) implements Outcome {
        }

        /** 4xx: the provider said no (a business rejection). */
        record Refused(int status, String reason) implements Outcome {
        }

        /** Every attempt failed: 5xx, overload or no answer. The caller cannot tell whether anything happened. */
        record Failed(String lastError) implements Outcome {
        }
    }

    private final URI base;
    private final int attempts;
    private final Duration attemptTimeout;
    private final RetryKeys keys;
    private final HttpClient http;
    private final ObjectMapper json;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();

    BlindRetryClient(URI base, int attempts, Duration attemptTimeout, RetryKeys keys, ObjectMapper json) {
        this.base = base;
        this.attempts = attempts;
        this.attemptTimeout = attemptTimeout;
        this.keys = keys;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(attemptTimeout).build();
    }

    /** A create call ({@code operationKey} names the order and operation; used as the key only per operation). */
    Outcome create(String path, Map<String, Object> body, String operationKey) {
        return call(path, body, operationKey);
    }

    /** A call that takes no key (release, void). */
    Outcome act(String path) {
        return call(path, null, null);
    }

    /**
     * A read (a shipment's stage): one attempt, since whoever reads polls again anyway. Counted apart from the
     * requests and operations, as the stage-aware run's status queries are left out of its retry amplification.
     */
    Outcome read(String path) {
        reads.incrementAndGet();
        return attempt(() -> HttpRequest.newBuilder(base.resolve(path)).timeout(attemptTimeout).GET().build());
    }

    long reads() {
        return reads.get();
    }

    long requests() {
        return requests.get();
    }

    long operations() {
        return operations.get();
    }

    private Outcome call(String path, Map<String, Object> body, String operationKey) {
        operations.incrementAndGet();
        Outcome outcome = new Outcome.Failed("not tried");
        for (int attempt = 1; attempt <= attempts; attempt++) {
            requests.incrementAndGet();
            outcome = attempt(() -> request(path, body, operationKey));
            if (!(outcome instanceof Outcome.Failed) || Thread.currentThread().isInterrupted()) {
                return outcome;
            }
        }
        return outcome;
    }

    /** One request, as the shortcut reads its answer: 2xx done, 4xx but 429 refused, anything else failed. */
    private Outcome attempt(RequestBuilder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Outcome.Done(json.readTree(response.body()));
            }
            return status >= 400 && status < 500 && status != 429
                    ? new Outcome.Refused(status, json.readTree(response.body()).path("reason").asText())
                    : new Outcome.Failed("HTTP " + status);
        } catch (IOException e) {
            return new Outcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted");
        }
    }

    /** Builds a request afresh for each attempt (a new idempotency key per attempt, when that is the setting). */
    @FunctionalInterface
    private interface RequestBuilder {
        HttpRequest build() throws IOException;
    }

    private HttpRequest request(String path, Map<String, Object> body, String operationKey)
            throws JsonProcessingException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(attemptTimeout)
                .header("Content-Type", "application/json");
        if (operationKey != null) {
            request.header("Idempotency-Key", keys == RetryKeys.PER_ATTEMPT ? UUID.randomUUID().toString()
                    : operationKey);
        }
        return request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    }
}
