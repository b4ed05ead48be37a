package dev.orderflow.dlq.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One Kafka record header, kept as bytes so a replay sends back exactly what was received. */
public record RecordHeader(String name, byte[] value) {

    public RecordHeader {
        Objects.requireNonNull(name, "name");
    }

    public static RecordHeader text(String name, String value) {
        return new RecordHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value as UTF-8 text; {@code null} for a header without a value. */
    public String textValue() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
