package dev.orderflow.orderstream.intake;

import java.util.List;
import java.util.Objects;

/**
 * The client's {@code Idempotency-Key}: 1 to 255 visible ASCII characters (a UUID is the usual choice). The
 * structured-field form of the IETF draft, a quoted string, is accepted too and unquoted.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid idempotency key");
        }
    }

    /** The key of a request's header values, or the reason it has none (for a 400 naming the header). */
    static Parsed parse(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return new Missing("Header " + HEADER + " is required: 1 to " + MAX_LENGTH
                    + " visible ASCII characters, e.g. a UUID");
        }
        if (headerValues.size() > 1) {
            return new Missing("Header " + HEADER + " must be sent once, was sent " + headerValues.size()
                    + " times");
        }
        String raw = headerValues.get(0).strip();
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            raw = raw.substring(1, raw.length() - 1);
        }
        if (!isValid(raw)) {
            return new Missing("Header " + HEADER + " must be 1 to " + MAX_LENGTH
                    + " visible ASCII characters (no spaces), e.g. a UUID");
        }
        return new Present(new IdempotencyKey(raw));
    }

    static boolean isValid(String value) {
        return value.length() >= 1 && value.length() <= MAX_LENGTH && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    sealed interface Parsed permits Present, Missing {
    }

    record Present(IdempotencyKey key) implements Parsed {
    }

    /** No usable key; {@code detail} says why, naming the header. */
    record Missing(String detail) implements Parsed {
    }

    @Override
    public String toString() {
        return value;
    }
}
