package dev.orderflow.runtime.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class OutboxMessageCodecTest {

    private final OutboxMessageCodec codec = new OutboxMessageCodec();

    @Test
    void decodesTheEventsOfAMessageInTheirOrderWithEveryField() {
        OutboxEvent first = new OutboxEvent(UUID.randomUUID(), "order.payment", "order-1",
                "dev.orderflow.events.PaymentAuthorized", new byte[] {0, 0, 0, 0, 5, 1, 2}, "corr-1", "cause-1",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        OutboxEvent second = new OutboxEvent(UUID.randomUUID(), "order.shipping", "order-2",
                "dev.orderflow.events.ShipmentRequested", new byte[] {9}, "corr-2", null, null);

        OutboxMessageCodec.Message decoded = codec.decode(codec.encode(List.of(first, second), 1_700_000_000_123L));

        assertThat(decoded.createdAtMillis()).isEqualTo(1_700_000_000_123L);
        assertThat(decoded.events()).containsExactly(first, second);
    }

    @Test
    void aDifferentSchemaOrTruncatedContentIsRefusedNamingTheSize() {
        Schema other = SchemaBuilder.record("Other").fields().requiredString("x").endRecord();
        GenericRecord record = new GenericData.Record(other);
        record.put("x", "y");
        byte[] foreign = encode(other, record);
        assertThatThrownBy(() -> codec.decode(foreign)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an outbox message this relay can read (" + foreign.length + " bytes)");

        byte[] valid = codec.encode(List.of(new OutboxEvent(UUID.randomUUID(), "t", "o", "e", new byte[] {1}, "c",
                null, null)), 1L);
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length - 3);
        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventThatBreaksTheOutboxRulesIsRefused() {
        GenericRecord event = new GenericData.Record(OutboxMessageCodec.SCHEMA.getField("events").schema()
                .getElementType());
        event.put("id", UUID.randomUUID().toString());
        event.put("aggregateType", "order.payment");
        event.put("aggregateId", "order-1");
        event.put("type", "x.Y");
        event.put("payload", ByteBuffer.wrap(new byte[0]));
        event.put("correlationId", "c");
        GenericRecord message = new GenericData.Record(OutboxMessageCodec.SCHEMA);
        message.put("createdAt", 1L);
        message.put("events", List.of(event));
        byte[] content = encode(OutboxMessageCodec.SCHEMA, message);
        assertThatThrownBy(() -> codec.decode(content)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty payload");
    }

    private static byte[] encode(Schema schema, GenericRecord record) {
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
