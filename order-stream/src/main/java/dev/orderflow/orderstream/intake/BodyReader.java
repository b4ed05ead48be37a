package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed fields off a JSON tree and records a {@link FieldError} for each bad one instead of stopping at the
 * first, so a client learns every problem of its body from one answer. A getter returns null when the field is
 * bad (the error is recorded), so callers go on checking the rest.
 */
final class BodyReader {

    /** Longer strings are refused: nothing the order carries needs more, and events stay small. */
    static final int MAX_TEXT_LENGTH = 255;

    private final List<FieldError> errors = new ArrayList<>();

    void reject(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Records every field of {@code object} not in {@code known}: a misspelt optional field would else vanish. */
    void rejectUnknownFields(JsonNode object, String path, Set<String> known) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!known.contains(field.getKey())) {
                reject(join(path, field.getKey()), "is not a known field");
            }
        }
    }

    /** A present, non-blank string of at most {@value #MAX_TEXT_LENGTH} characters. */
    String requiredText(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (isMissing(node)) {
            reject(join(path, name), "is required");
            return null;
        }
        return text(node, join(path, name));
    }

    /** Like {@link #requiredText}, but absent or null is fine (and read as null). */
    String optionalText(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        return isMissing(node) ? null : text(node, join(path, name));
    }

    /** A present whole number in {@code [min, max]}. */
    Long requiredWholeNumber(JsonNode parent, String path, String name, long min, long max) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (isMissing(node)) {
            reject(field, "is required");
            return null;
        }
        if (!node.isIntegralNumber()) {
            reject(field, "must be a whole number");
            return null;
        }
        if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            reject(field, "must be between " + min + " and " + max);
            return null;
        }
        return node.longValue();
    }

    /** A present JSON object. */
    JsonNode requiredObject(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (isMissing(node)) {
            reject(field, "is required");
            return null;
        }
        if (!node.isObject()) {
            reject(field, "must be an object");
            return null;
        }
        return node;
    }

    /** A present JSON array. */
    JsonNode requiredArray(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (isMissing(node)) {
            reject(field, "is required");
            return null;
        }
        if (!node.isArray()) {
            reject(field, "must be an array");
            return null;
        }
        return node;
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            reject(field, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            reject(field, "must not be blank");
            return null;
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            reject(field, "must be at most " + MAX_TEXT_LENGTH + " characters");
            return null;
        }
        return value;
    }

    private static boolean isMissing(JsonNode node) {
        return node == null || node.isNull();
    }
}
