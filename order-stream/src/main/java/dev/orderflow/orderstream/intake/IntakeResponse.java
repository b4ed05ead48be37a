package dev.orderflow.orderstream.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An answer of the intake API before it is written: status, extra headers and a body serialized as JSON (a
 * {@link Problem} as {@code application/problem+json}).
 */
record IntakeResponse(int status, Map<String, String> headers, Object body) {

    static final String RETRY_AFTER = "Retry-After";
    static final String REPLAYED = "Idempotent-Replayed";

    IntakeResponse {
        headers = Map.copyOf(headers);
    }

    /** The body of a 202: the order's id and that it was accepted for processing. */
    record OrderAccepted(String orderId, String status) {
    }

    static IntakeResponse accepted(UUID orderId, boolean replayed) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", OrderIntakeHandler.PATH + "/" + orderId);
        if (replayed) {
            headers.put(REPLAYED, "true");
        }
        return new IntakeResponse(202, headers, new OrderAccepted(orderId.toString(), "ACCEPTED"));
    }

    static IntakeResponse problem(Problem problem) {
        return new IntakeResponse(problem.status(), Map.of(), problem);
    }

    static IntakeResponse problem(Problem problem, Map<String, String> headers) {
        return new IntakeResponse(problem.status(), headers, problem);
    }

    boolean isProblem() {
        return body instanceof Problem;
    }

    String contentType() {
        return isProblem() ? Problem.MEDIA_TYPE : "application/json";
    }
}
