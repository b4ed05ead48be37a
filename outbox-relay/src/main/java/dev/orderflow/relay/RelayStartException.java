package dev.orderflow.relay;

/** The relay cannot start; the message says what to do about it. */
public final class RelayStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RelayStartException(String message) {
        super(message);
    }

    public RelayStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
