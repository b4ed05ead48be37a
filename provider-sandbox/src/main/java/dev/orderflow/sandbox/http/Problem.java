package dev.orderflow.sandbox.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * An error answer, as {@code application/problem+json} (RFC 9457) with a machine-readable {@code reason} code.
 *
 * @param type              {@code urn:orderflow:sandbox:problem:<reason in kebab case>}
 * @param title             short summary of the class of problem
 * @param status            the HTTP status
 * @param detail            what happened in this case
 * @param reason            the reason code clients branch on, e.g. {@code OUT_OF_STOCK}
 * @param subjects          what the problem is about, where known (SKUs, address fields)
 * @param injected          true when fault injection caused the problem (absent otherwise)
 * @param retryAfterSeconds for 429 and 503: the {@code Retry-After} header's value
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String reason, List<String> subjects,
                      Boolean injected, Long retryAfterSeconds) {

    public static Problem of(int status, String title, String reason, String detail) {
        return new Problem(typeOf(reason), title, status, detail, reason, List.of(), null, null);
    }

    Problem withSubjects(List<String> newSubjects, boolean wasInjected) {
        return new Problem(type, title, status, detail, reason, List.copyOf(newSubjects),
                wasInjected ? Boolean.TRUE : null, retryAfterSeconds);
    }

    Problem injected(Long retryAfter) {
        return new Problem(type, title, status, detail, reason, subjects, Boolean.TRUE, retryAfter);
    }

    private static String typeOf(String reason) {
        return "urn:orderflow:sandbox:problem:" + reason.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
