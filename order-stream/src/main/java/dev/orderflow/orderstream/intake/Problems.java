package dev.orderflow.orderstream.intake;

import java.util.List;
import java.util.Map;

/** Every error answer of the intake API, in one place so types, titles and headers stay consistent. */
final class Problems {

    private final String retryAfter;

    Problems(IntakeSettings settings) {
        this.retryAfter = settings.retryAfterHeader();
    }

    /** 400: the request cannot be read as an order request at all (syntax, content type, headers). */
    IntakeResponse badRequest(String instance, String detail) {
        return IntakeResponse.problem(Problem.of(400, "invalid-request", "Invalid request", detail, instance));
    }

    /** 422: well-formed JSON whose content is not a valid order; lists every bad field. */
    IntakeResponse invalidOrder(String instance, List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid: " + errors.get(0).field()
                : errors.size() + " fields are invalid; see errors";
        return IntakeResponse.problem(Problem.of(422, "validation-failed", "Invalid order", detail, instance)
                .withErrors(errors));
    }

    /** 409: the idempotency key was used before with another body. */
    IntakeResponse keyReused(String instance) {
        return IntakeResponse.problem(Problem.of(409, "idempotency-key-reused", "Idempotency key reused",
                "Header " + IdempotencyKey.HEADER + " was already used for a different request body; use a new"
                        + " key for a new order, or repeat the original body to get the original answer",
                instance));
    }

    /** 413: the body is larger than the configured limit. */
    IntakeResponse tooLarge(String instance, int maxBytes) {
        return IntakeResponse.problem(Problem.of(413, "payload-too-large", "Request body too large",
                "The body must be at most " + maxBytes + " bytes", instance));
    }

    /** 429: the configured number of requests is already in flight. */
    IntakeResponse tooManyRequests(String instance) {
        return IntakeResponse.problem(Problem.of(429, "too-many-requests", "Too many requests",
                "The order API is at its limit of concurrent requests; retry after " + retryAfter
                        + " s with the same " + IdempotencyKey.HEADER, instance), Map.of(
                IntakeResponse.RETRY_AFTER, retryAfter));
    }

    /** 503: the database (or the schema registry) cannot take the request now. */
    IntakeResponse unavailable(String instance) {
        return IntakeResponse.problem(Problem.of(503, "unavailable", "Service unavailable",
                "The order store is unavailable; retry after " + retryAfter + " s with the same "
                        + IdempotencyKey.HEADER + " (a retry never places a second order)", instance), Map.of(
                IntakeResponse.RETRY_AFTER, retryAfter));
    }

    /** 500: a defect; the reference is in the server log next to the cause. */
    IntakeResponse internalError(String instance, String reference) {
        return IntakeResponse.problem(Problem.of(500, "internal-error", "Internal error",
                "The request could not be processed; quote reference " + reference + " when reporting it",
                instance));
    }

    /** 404: not the path this handler serves. */
    IntakeResponse notFound(String instance) {
        return IntakeResponse.problem(Problem.of(404, "not-found", "Not found", "No endpoint at " + instance,
                instance));
    }

    /** 405: the path exists, the method does not. */
    IntakeResponse methodNotAllowed(String instance, String method) {
        return IntakeResponse.problem(Problem.of(405, "method-not-allowed", "Method not allowed",
                method + " is not supported here; use POST", instance), Map.of("Allow", "POST"));
    }
}
