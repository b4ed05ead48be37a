package dev.orderflow.orderstream.intake;

/**
 * The intake cannot take the request now (database unreachable or saturated, serialization conflicts that kept
 * coming, schema registry unreachable); nothing was recorded, or, if the connection broke during the commit, the
 * same request will find what was. Answered with 503 and {@code Retry-After}.
 */
public final class IntakeUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
