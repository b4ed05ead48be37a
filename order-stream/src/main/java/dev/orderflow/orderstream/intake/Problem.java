package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error answer as {@code application/problem+json} (RFC 9457). It carries what a client needs to react and
 * nothing of the server's insides: no exception class, message or stack trace.
 *
 * @param type     {@code urn:orderflow:problem:<kind>}, stable for clients to branch on
 * @param title    short summary of the kind of problem
 * @param status   the HTTP status
 * @param detail   what went wrong in this case
 * @param instance the request path the problem occurred on
 * @param errors   for 422: every bad field of the body
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:orderflow:problem:";

    Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static Problem of(int status, String kind, String title, String detail, String instance) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, instance, List.of());
    }

    Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }
}
