package dev.orderflow.runtime.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.failure.FailureClassifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * JSON over HTTP to a provider API, with every answer classified (DESIGN.md §1): 2xx is returned; 429 and 503
 * are {@link FailureCategory#OVERLOAD} with their Retry-After; other 5xx {@link FailureCategory#TRANSIENT};
 * 422 and 409 state conflicts {@link FailureCategory#BUSINESS}; other 4xx are our own bug
 * ({@link FailureCategory#INTERNAL}); a connection that could not be opened is transient, while a timeout or a
 * broken connection after the request went out is {@link FailureCategory#AMBIGUOUS}.
 *
 * <p>One instance per provider; thread-safe (the JDK client pools connections).
 */
public final class ProviderClient {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String UNKNOWN_KEY_REASON = "UNKNOWN_IDEMPOTENCY_KEY";

    private final URI baseUri;
    private final HttpClient http;
    private final ObjectMapper json;

    public ProviderClient(URI baseUri, Duration connectTimeout, ObjectMapper json) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** POSTs a JSON body (or none) with an idempotency key (or none) and returns the 2xx body. */
    public JsonNode post(String operation, String path, String idempotencyKey, Object body, Duration timeout) {
        HttpRequest.Builder request = request(path, timeout).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(write(body)));
        if (idempotencyKey != null) {
            request.header(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return send(operation, request.build());
    }

    public JsonNode get(String operation, String path, Duration timeout) {
        return send(operation, request(path, timeout).GET().build());
    }

    /**
     * A status query by idempotency key: the provider's record of what became of the call, or empty when it says
     * no call with this key took effect (so a retry under the same key is safe).
     */
    public Optional<JsonNode> statusByKey(String operation, String path, Duration timeout) {
        try {
            return Optional.of(get(operation, path, timeout));
        } catch (ProviderCallException e) {
            if (e.status() == 404 && e.reasonCode().filter(UNKNOWN_KEY_REASON::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    private JsonNode send(String operation, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderCallException(FailureClassifier.classify(e), operation, 0, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // We do not know whether the request left: treat as ambiguous, the status query will tell.
            throw new ProviderCallException(FailureCategory.AMBIGUOUS, operation, 0, null, "interrupted", null, e);
        }
        JsonNode body = read(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return body;
        }
        String reason = body.path("reason").isTextual() ? body.path("reason").asText() : null;
        String detail = body.path("detail").asText(body.path("title").asText("no detail"));
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(ProviderClient::seconds)
                .orElse(null);
        throw new ProviderCallException(categoryOf(status, reason), operation, status, reason, detail, retryAfter,
                null);
    }

    static FailureCategory categoryOf(int status, String reason) {
        if (status == 429 || status == 503) {
            return FailureCategory.OVERLOAD;
        }
        if (status >= 500) {
            return FailureCategory.TRANSIENT;
        }
        if (status == 422 || (status == 409 && !"IDEMPOTENCY_KEY_REUSED".equals(reason))) {
            return FailureCategory.BUSINESS;
        }
        if (status == 404 && UNKNOWN_KEY_REASON.equals(reason)) {
            return FailureCategory.BUSINESS;
        }
        return FailureCategory.INTERNAL;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();    // an HTTP date: rare from APIs; the policy's own backoff applies
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write request body as JSON", e);
        }
    }

    private JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return NullNode.getInstance();    // a proxy's HTML error page: the status code still classifies it
        }
    }
}
