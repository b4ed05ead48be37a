package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code POST /orders} answers, given the request: checks in the order a client fixes them (path and
 * method, content type, idempotency key, JSON syntax, then every field at once), then places the order. Free of
 * the HTTP server, so each answer is unit-tested with a stub {@link OrderPlacement}.
 */
final class IntakeEndpoint {

    static final String CORRELATION_ID = "X-Correlation-Id";

    private static final Logger log = LoggerFactory.getLogger(IntakeEndpoint.class);

    private final OrderPlacement placement;
    private final Problems problems;
    private final ObjectMapper mapper;
    private final OrderRequestValidator validator = new OrderRequestValidator();

    IntakeEndpoint(OrderPlacement placement, Problems problems, ObjectMapper mapper) {
        this.placement = placement;
        this.problems = problems;
        this.mapper = mapper;
    }

    IntakeResponse respond(String method, String path, Headers headers, byte[] body) {
        if (!OrderIntakeHandler.PATH.equals(path)) {
            return problems.notFound(path);
        }
        if (!"POST".equals(method)) {
            return problems.methodNotAllowed(path, method);
        }
        String contentType = headers.getFirst("Content-Type");
        if (!JsonContentType.accepts(contentType)) {
            return problems.badRequest(path, "Header Content-Type must be application/json (UTF-8), was "
                    + (contentType == null ? "missing" : "'" + contentType + "'"));
        }
        IdempotencyKey.Parsed key = IdempotencyKey.parse(headers.get(IdempotencyKey.HEADER));
        if (key instanceof IdempotencyKey.Missing missing) {
            return problems.badRequest(path, missing.detail());
        }
        List<String> correlation = headers.getOrDefault(CORRELATION_ID, List.of());
        if (correlation.size() > 1 || (correlation.size() == 1 && !IdempotencyKey.isValid(correlation.get(0)))) {
            return problems.badRequest(path, "Header " + CORRELATION_ID + " must be sent at most once, as 1 to "
                    + IdempotencyKey.MAX_LENGTH + " visible ASCII characters");
        }
        return respond(path, ((IdempotencyKey.Present) key).key(), correlation.isEmpty() ? null : correlation.get(0),
                body);
    }

    private IntakeResponse respond(String path, IdempotencyKey key, String correlationId, byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return problems.badRequest(path, "The body is not valid JSON: " + e.getOriginalMessage()
                    + at(e.getLocation()));
        } catch (IOException e) {
            return problems.badRequest(path, "The body could not be read");
        }
        if (tree == null || tree.isMissingNode()) {
            return problems.badRequest(path, "A JSON body is required");
        }
        if (!tree.isObject()) {
            return problems.badRequest(path, "The body must be a JSON object");
        }
        OrderRequestValidator.Result result = validator.validate(tree);
        if (result instanceof OrderRequestValidator.Invalid invalid) {
            return problems.invalidOrder(path, invalid.errors());
        }
        OrderRequest request = ((OrderRequestValidator.Valid) result).request();
        return place(path, key, RequestFingerprint.of(tree, mapper), request, correlationId);
    }

    private IntakeResponse place(String path, IdempotencyKey key, RequestFingerprint fingerprint,
                                 OrderRequest request, String correlationId) {
        IntakeOutcome outcome;
        try {
            outcome = placement.place(key, fingerprint, request, correlationId);
        } catch (IntakeUnavailableException e) {
            // Expected under outage or overload: one line, no stack trace; the cause says which.
            log.warn("order intake unavailable: {} (cause: {})", e.getMessage(), e.getCause());
            return problems.unavailable(path);
        }
        if (outcome instanceof IntakeOutcome.Accepted accepted) {
            return IntakeResponse.accepted(accepted.orderId(), accepted.replayed());
        }
        return problems.keyReused(path);
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
