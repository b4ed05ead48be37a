package dev.orderflow.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sandbox.outcome.ProviderException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A received call: path and query parameters, headers and the JSON body, with validation that names the field. */
public final class ApiRequest {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final Map<String, String> pathParams;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final ObjectMapper mapper;

    ApiRequest(Map<String, String> pathParams, String rawQuery, Map<String, List<String>> headers, byte[] body,
               ObjectMapper mapper) {
        this.pathParams = Map.copyOf(pathParams);
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body.clone();
        this.mapper = mapper;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    public long queryLong(String name, long defaultValue) {
        Optional<String> raw = query(name);
        try {
            return raw.map(Long::parseLong).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw ProviderException.invalidRequest("Query parameter " + name + " must be a number, was "
                    + raw.orElse(""));
        }
    }

    /** The {@code Idempotency-Key} header, required on every call that creates something. */
    public String idempotencyKey() {
        String key = header(IDEMPOTENCY_KEY).orElse("");
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST, "MISSING_IDEMPOTENCY_KEY",
                    "Header " + IDEMPOTENCY_KEY + " is required: 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }

    /** The body as a provider request; unknown fields are ignored, as a tolerant reader would. */
    public <T> T body(Class<T> type) {
        return read(type, false).orElseThrow(() -> ProviderException.invalidRequest("A JSON body is required"));
    }

    /** The body as an admin request: unknown fields are refused, so a misspelt setting is not silently ignored. */
    public <T> T strictBody(Class<T> type) {
        return read(type, true).orElseThrow(() -> ProviderException.invalidRequest("A JSON body is required"));
    }

    /** The body if there is one. */
    public <T> Optional<T> optionalBody(Class<T> type) {
        return read(type, false);
    }

    private <T> Optional<T> read(Class<T> type, boolean strict) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            var reader = mapper.readerFor(type);
            reader = strict ? reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    : reader.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return Optional.ofNullable(reader.readValue(body));
        } catch (JsonProcessingException e) {
            throw causeOrMalformed(e);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST, "MALFORMED_JSON",
                    "The body could not be read: " + e.getMessage());
        }
    }

    /** Validation in a request's constructor surfaces wrapped by Jackson; unwrap it so the field is named. */
    private static ProviderException causeOrMalformed(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProviderException providerException) {
                return providerException;
            }
        }
        return new ProviderException(ProviderException.Kind.INVALID_REQUEST, "MALFORMED_JSON",
                "The body is not valid JSON for this call: " + e.getOriginalMessage());
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
