package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * SHA-256 (hex) of a request body in canonical form: object keys sorted, no insignificant whitespace, strings
 * in one escaping. A client that retries with the same order, serialized by another library, gets the same
 * fingerprint; a body that differs in any value does not.
 */
record RequestFingerprint(String hex) {

    RequestFingerprint {
        Objects.requireNonNull(hex, "hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hex);
        }
    }

    static RequestFingerprint of(JsonNode body, ObjectMapper mapper) {
        try {
            byte[] canonical = mapper.writeValueAsBytes(canonical(body, mapper));
            return new RequestFingerprint(HexFormat.of().formatHex(sha256().digest(canonical)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }

    /** A copy of the tree with every object's keys in sorted order (Jackson writes them in insertion order). */
    static JsonNode canonical(JsonNode node, ObjectMapper mapper) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                sorted.put(field.getKey(), canonical(field.getValue(), mapper));
            }
            ObjectNode copy = mapper.createObjectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(element -> copy.add(canonical(element, mapper)));
            return copy;
        }
        return node;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
