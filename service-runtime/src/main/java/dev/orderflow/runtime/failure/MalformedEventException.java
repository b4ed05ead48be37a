package dev.orderflow.runtime.failure;

/** A record that cannot be decoded, fails validation or has an unknown type: it goes to the dead-letter topic. */
public final class MalformedEventException extends ClassifiedException {

    public MalformedEventException(String message) {
        super(FailureCategory.MALFORMED, message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(FailureCategory.MALFORMED, message, cause);
    }
}
