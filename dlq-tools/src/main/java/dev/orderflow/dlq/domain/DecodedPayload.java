package dev.orderflow.dlq.domain;

/**
 * A record value as an operator sees it: the Avro record as JSON with its schema name, or, when it cannot be
 * decoded, why not (the raw bytes are shown as hex beside it).
 *
 * @param type  full name of the Avro schema, or {@code null} if not decoded
 * @param json  the decoded record as JSON text, or {@code null}
 * @param error why decoding failed, or {@code null}
 */
public record DecodedPayload(String type, String json, String error) {

    public static DecodedPayload decoded(String type, String json) {
        return new DecodedPayload(type, json, null);
    }

    public static DecodedPayload undecodable(String error) {
        return new DecodedPayload(null, null, error);
    }

    public boolean isDecoded() {
        return error == null;
    }
}
