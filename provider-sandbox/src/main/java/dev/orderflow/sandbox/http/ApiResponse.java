package dev.orderflow.sandbox.http;

import java.util.HashMap;
import java.util.Map;

/**
 * An answer to send: status, JSON body (or none) and extra headers.
 *
 * @param status  HTTP status
 * @param body    serialized as JSON; a {@link Problem} is sent as {@code application/problem+json}
 * @param headers extra response headers
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, Map.of());
    }

    public static ApiResponse problem(Problem problem) {
        return new ApiResponse(problem.status(), problem, Map.of());
    }

    ApiResponse withHeader(String name, String value) {
        HashMap<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, more);
    }
}
