package dev.orderflow.runtime.serde;

import dev.orderflow.runtime.failure.MalformedEventException;
import java.util.Optional;

/**
 * The frame every event value carries in the Confluent wire format: magic byte 0, a 4-byte schema id, then Avro
 * binary. Bytes without it (plain text, JSON, an empty value) are malformed whatever the registry holds; saying so
 * gives a reason an operator can act on, where the registry serde's own message for such bytes names its internals
 * (Apicurio: "artifact reference cannot be null").
 */
public final class ConfluentFraming {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_BYTES = 5;

    private ConfluentFraming() {
    }

    /**
     * What is wrong with a value's frame, or empty when it is framed (whether the Avro inside decodes is for the serde
     * to tell).
     */
    public static Optional<MalformedEventException> violation(byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.of(new MalformedEventException("empty value (a tombstone?) on an event topic"));
        }
        if (value.length < HEADER_BYTES || value[0] != MAGIC_BYTE) {
            return Optional.of(new MalformedEventException(String.format("not Avro in the Confluent framing: expected"
                    + " magic byte 0 and a 4-byte schema id, got first byte 0x%02x and %d bytes", value[0],
                    value.length)));
        }
        return Optional.empty();
    }
}
