package dev.orderflow.runtime.consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.runtime.failure.MalformedEventException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Bytes that are not an event at all are refused with a reason an operator can read, before any registry call. */
class RecordDecoderTest {

    private final RecordDecoder decoder = new RecordDecoder((topic, data) -> {
        throw new AssertionError("the deserializer must not be asked");
    });

    @Test
    void bytesWithoutTheConfluentFrameAreMalformedWithWhatWasFound() {
        RecordSource text = source("this is not avro".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> decoder.decode(text, null)).isInstanceOf(MalformedEventException.class)
                .hasMessage("not Avro in the Confluent framing: expected magic byte 0 and a 4-byte schema id, got"
                        + " first byte 0x74 and 16 bytes");
        assertThatThrownBy(() -> decoder.decode(source(new byte[] {0, 0, 1}), null))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> decoder.decode(source(new byte[0]), null))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("empty value");
    }

    private static RecordSource source(byte[] value) {
        return new RecordSource("orders", 0, 1, 0, "o-1".getBytes(StandardCharsets.UTF_8), value, new RecordHeaders());
    }
}
