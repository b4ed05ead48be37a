package dev.orderflow.runtime.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.failure.FailureClassifier;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * JSON over HTTP to a provider API, with every answer classified (DESIGN.md §1): 2xx is returned; 429 and 503
 * are {@link FailureCategory#OVERLOAD} with their Retry-After; other 5xx {@link FailureCategory#TRANSIENT};
 * 422 and 409 state conflicts {@link FailureCategory#BUSINESS}; other 4xx are our own bug
 * ({@link FailureCategory#INTERNAL}); a connection that could not be opened is transient, while a timeout or a
 * broken connection after the request went out is {@link FailureCategory#AMBIGUOUS}.
 *
 * <p>The transport is Apache HttpClient's blocking client: the calling worker thread writes the request and reads
 * the answer itself. The JDK's {@code java.net.http} client hands every call from the caller to a selector thread
 * and back through an executor, and measured more than twice the CPU per call against the same server
 * (docs/benchmark.md); with a few thousand provider calls a second on two cores that was a fifth of the CPU.
 *
 * <p>One instance per provider; thread-safe; close it to close its pooled connections.
 */
public final class ProviderClient implements AutoCloseable {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String UNKNOWN_KEY_REASON = "UNKNOWN_IDEMPOTENCY_KEY";

    /**
     * Far above any caller's concurrency: the callers' worker pools bound the calls in flight, and a call waiting for
     * a pooled connection would spend its deadline before anything was sent.
     */
    private static final int MAX_CONNECTIONS = 1024;
    /** A pooled connection idle this long is checked before reuse, so a server's idle close is not sent into. */
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(1);
    /** Idle connections are closed by the client first: the JDK's HTTP server closes them after 30 s. */
    private static final TimeValue EVICT_AFTER_IDLE = TimeValue.ofSeconds(20);

    private final URI baseUri;
    private final CloseableHttpClient http;
    /** Each call copies it and sets its own response timeout. */
    private final RequestConfig requestDefaults;
    private final ObjectMapper json;

    public ProviderClient(URI baseUri, Duration connectTimeout, ObjectMapper json) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.json = json;
        Timeout connect = Timeout.of(connectTimeout);
        this.requestDefaults = RequestConfig.custom().setConnectionRequestTimeout(connect).build();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setValidateAfterInactivity(VALIDATE_AFTER_IDLE).build())
                        .build())
                .setDefaultRequestConfig(requestDefaults)
                .evictIdleConnections(EVICT_AFTER_IDLE)
                // Every retry is the stage policy's decision (DESIGN.md §1): the client's own would repeat a 503 or
                // an unanswered GET behind the policy's back and hide the calls from the retry budget.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** POSTs a JSON body (or none) with an idempotency key (or none) and returns the 2xx body. */
    public JsonNode post(String operation, String path, String idempotencyKey, Object body, Duration timeout) {
        HttpPost request = prepare(new HttpPost(baseUri.resolve(path)), timeout);
        if (body != null) {
            request.setEntity(new ByteArrayEntity(write(body), ContentType.APPLICATION_JSON));
        }
        if (idempotencyKey != null) {
            request.setHeader(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return send(operation, request);
    }

    public JsonNode get(String operation, String path, Duration timeout) {
        return send(operation, prepare(new HttpGet(baseUri.resolve(path)), timeout));
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

    /** The timeout is how long the answer may take once the request is out (the socket's read timeout). */
    private <R extends HttpUriRequestBase> R prepare(R request, Duration timeout) {
        request.setConfig(RequestConfig.copy(requestDefaults).setResponseTimeout(Timeout.of(timeout)).build());
        request.setHeader("Accept", "application/json");
        return request;
    }

    private JsonNode send(String operation, HttpUriRequestBase request) {
        Answer answer;
        try {
            answer = http.execute(request, ProviderClient::answer);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                // We do not know whether the request left: treat as ambiguous, the status query will tell.
                throw new ProviderCallException(FailureCategory.AMBIGUOUS, operation, 0, null, "interrupted", null,
                        e);
            }
            throw new ProviderCallException(FailureClassifier.classify(e), operation, 0, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, e);
        }
        JsonNode body = read(answer.body());
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return body;
        }
        String reason = body.path("reason").isTextual() ? body.path("reason").asText() : null;
        String detail = body.path("detail").asText(body.path("title").asText("no detail"));
        Duration retryAfter = Optional.ofNullable(answer.retryAfter()).flatMap(ProviderClient::seconds).orElse(null);
        throw new ProviderCallException(categoryOf(status, reason), operation, status, reason, detail, retryAfter,
                null);
    }

    /** Read whole inside the client's handler, which then returns the connection to the pool. */
    private static Answer answer(ClassicHttpResponse response) throws IOException {
        Header retryAfter = response.getFirstHeader("Retry-After");
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new Answer(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
    }

    private record Answer(int status, byte[] body, String retryAfter) {
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

    /** Closes the pooled connections at once; calls still in flight fail as ambiguous. */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
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
