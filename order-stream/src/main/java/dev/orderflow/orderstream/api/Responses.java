package dev.orderflow.orderstream.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON answers and {@code application/problem+json} errors (RFC 9457), never with a stack trace. */
final class Responses {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";
    private static final String PROBLEM_TYPE_BASE = "https://orderflow.dev/problems/";
    /** Seconds a client waits before asking again while the instance rebalances or restores. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final ObjectMapper mapper;

    Responses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void json(HttpExchange exchange, int status, Object body) throws IOException {
        bytes(exchange, status, JSON, mapper.writeValueAsBytes(body));
    }

    void problem(HttpExchange exchange, int status, String slug, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE_BASE + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequestURI().getPath());
        bytes(exchange, status, PROBLEM_JSON, mapper.writeValueAsBytes(problem));
    }

    void badRequest(HttpExchange exchange, BadRequestException e) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", PROBLEM_TYPE_BASE + "invalid-parameter");
        problem.put("title", "Invalid request parameter");
        problem.put("status", 400);
        problem.put("detail", e.getMessage());
        problem.put("instance", exchange.getRequestURI().getPath());
        problem.put("parameter", e.parameter());
        bytes(exchange, 400, PROBLEM_JSON, mapper.writeValueAsBytes(problem));
    }

    void unavailable(HttpExchange exchange, String detail) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        problem(exchange, 503, "unavailable", "Not available right now", detail);
    }

    void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
        exchange.getResponseHeaders().set("Allow", allow);
        problem(exchange, 405, "method-not-allowed", "Method not allowed",
                exchange.getRequestMethod() + " is not supported here; allowed: " + allow);
    }

    static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
