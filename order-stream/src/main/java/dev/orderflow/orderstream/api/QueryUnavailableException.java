package dev.orderflow.orderstream.api;

/**
 * A query cannot be answered right now (the instance is rebalancing or restoring, or the instance that owns the
 * order did not answer): retryable, answered with 503 and {@code Retry-After}.
 */
public final class QueryUnavailableException extends RuntimeException {

    public QueryUnavailableException(String message) {
        super(message);
    }

    public QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
