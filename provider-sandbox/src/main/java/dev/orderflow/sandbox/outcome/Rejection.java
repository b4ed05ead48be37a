package dev.orderflow.sandbox.outcome;

import java.util.List;
import java.util.Objects;

/**
 * A business refusal: the request was valid but the provider will not do it. Retrying the same request cannot
 * help; the reason codes match the event contracts' reason enums.
 *
 * @param reason   machine-readable reason code, e.g. {@code OUT_OF_STOCK}
 * @param detail   human-readable explanation
 * @param subjects what the refusal is about where the provider names it (e.g. the unavailable SKUs)
 * @param injected true when fault injection, not the request, caused it (visible in the ledger audit only)
 */
public record Rejection(String reason, String detail, List<String> subjects, boolean injected) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        subjects = List.copyOf(subjects);
    }

    public static Rejection of(String reason, String detail) {
        return new Rejection(reason, detail, List.of(), false);
    }

    public static Rejection injected(String reason, String detail) {
        return new Rejection(reason, detail, List.of(), true);
    }
}
