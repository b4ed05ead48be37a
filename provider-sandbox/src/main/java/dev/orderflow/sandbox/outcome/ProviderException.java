package dev.orderflow.sandbox.outcome;

import java.util.Objects;

/** A call that cannot be carried out as asked; nothing was changed. */
public final class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The class of failure; the HTTP adapter maps it to a status code. */
    public enum Kind {
        /** The request is malformed or fails validation (400). */
        INVALID_REQUEST,
        /** The addressed resource does not exist (404). */
        NOT_FOUND,
        /** The resource exists but is in a state that forbids the call (409). */
        INVALID_STATE
    }

    private final Kind kind;
    private final String reason;

    public ProviderException(Kind kind, String reason, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public static ProviderException invalidRequest(String message) {
        return new ProviderException(Kind.INVALID_REQUEST, "INVALID_REQUEST", message);
    }

    public static ProviderException notFound(String what, String id) {
        return new ProviderException(Kind.NOT_FOUND, "NOT_FOUND", what + " " + id + " does not exist");
    }

    /** No call was ever made with this idempotency key: it took no effect, and a retry with it is safe. */
    public static ProviderException unknownKey(String key) {
        return new ProviderException(Kind.NOT_FOUND, "UNKNOWN_IDEMPOTENCY_KEY", "No call with idempotency key "
                + key + " was received");
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
