package dev.orderflow.sandbox.outcome;

/** Validation of request fields, failing with the field's name so the caller sees what to fix. */
public final class Requests {

    private Requests() {
    }

    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProviderException.invalidRequest("Field " + field + " is required and must not be blank");
        }
        return value;
    }

    public static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw ProviderException.invalidRequest("Field " + field + " is required");
        }
        return value;
    }
}
