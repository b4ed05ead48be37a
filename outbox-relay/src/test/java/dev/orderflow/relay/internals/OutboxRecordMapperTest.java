package dev.orderflow.relay.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.runtime.outbox.OutboxEvent;
import dev.orderflow.runtime.outbox.OutboxMessageCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OutboxRecordMapperTest {

    private final OutboxRecordMapper mapper = new OutboxRecordMapper(type -> "orders." + type);

    @Test
    void passesThePayloadThroughAndTurnsFieldsIntoKeyTopicAndHeaders() {
        byte[] payload = {0, 0, 0, 0, 7, 42, -1};
        SourceRecord routed = new SourceRecord(Map.of(), Map.of(), "order.payment", null, Schema.STRING_SCHEMA,
                "order-1", Schema.BYTES_SCHEMA, payload, 1_700_000_000_000L);
        routed.headers().addString("id", "8d3c0e8e-6f7c-4b7e-9b43-7f5c5f0f2f4a");
        routed.headers().addString("eventType", "dev.orderflow.events.PaymentAuthorized");
        routed.headers().add("causationId", null, Schema.OPTIONAL_STRING_SCHEMA);

        ProducerRecord<byte[], byte[]> record = only(mapper.map(routed));

        assertThat(record.topic()).isEqualTo("orders.order.payment");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("order-1");
        assertThat(record.value()).isEqualTo(payload);
        assertThat(record.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8))
                .isEqualTo("8d3c0e8e-6f7c-4b7e-9b43-7f5c5f0f2f4a");
        assertThat(new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
                .isEqualTo("dev.orderflow.events.PaymentAuthorized");
        assertThat(record.headers().lastHeader("causationId")).as("null headers are left out").isNull();
    }

    @Test
    void acceptsAByteBufferPayload() {
        SourceRecord routed = new SourceRecord(Map.of(), Map.of(), "order.payment", null, Schema.STRING_SCHEMA,
                "order-1", Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {1, 2, 3}), null);
        routed.headers().addString("id", "x");
        assertThat(only(mapper.map(routed)).value()).containsExactly(1, 2, 3);
    }

    @Test
    void heartbeatsAreNotOutboxEvents() {
        Schema schema = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
        SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.orderflow-payment",
                schema, new Struct(schema).put("ts_ms", 1L));
        assertThat(mapper.map(heartbeat)).isEmpty();
    }

    @Test
    void anOutboxMessageBecomesOneRecordPerEventInTheWrittenOrder() {
        OutboxEvent first = new OutboxEvent(UUID.randomUUID(), "order.payment", "order-1", "a.Charged",
                new byte[] {0, 1}, "corr-1", "cause-1", "00-trace-01");
        OutboxEvent second = new OutboxEvent(UUID.randomUUID(), "order.shipping", "order-2", "a.Shipped",
                new byte[] {0, 2}, "corr-2", null, null);
        byte[] content = new OutboxMessageCodec().encode(List.of(first, second), 1_700_000_000_123L);

        List<ProducerRecord<byte[], byte[]>> records = mapper.map(message(OutboxMessageCodec.PREFIX, content));

        assertThat(records).extracting(ProducerRecord::topic).containsExactly("orders.order.payment",
                "orders.order.shipping");
        assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("order-1", "order-2");
        assertThat(records).extracting(ProducerRecord::value).containsExactly(first.payload(), second.payload());
        assertThat(records).extracting(ProducerRecord::timestamp).containsOnly(1_700_000_000_123L);
        ProducerRecord<byte[], byte[]> r = records.get(0);
        assertThat(header(r, "id")).isEqualTo(first.eventId().toString());
        assertThat(header(r, "eventType")).isEqualTo("a.Charged");
        assertThat(header(r, "correlationId")).isEqualTo("corr-1");
        assertThat(header(r, "causationId")).isEqualTo("cause-1");
        assertThat(header(r, "traceparent")).isEqualTo("00-trace-01");
        assertThat(records.get(1).headers().lastHeader("causationId")).isNull();
        assertThat(records.get(1).headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void aMessageWithAnotherPrefixIsNotAnOutboxEvent() {
        assertThat(mapper.map(message("orderflow-relay-heartbeat", new byte[0]))).isEmpty();
    }

    @Test
    void anOutboxMessageItCannotReadStopsTheRelayInsteadOfBeingSkipped() {
        SourceRecord unreadable = message(OutboxMessageCodec.PREFIX, new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> mapper.map(unreadable)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an outbox message this relay can read (4 bytes)");
    }

    /** A logical decoding message record as Debezium's PostgreSQL connector emits it (binary handling: bytes). */
    private static SourceRecord message(String prefix, byte[] content) {
        Schema block = SchemaBuilder.struct().field("prefix", Schema.STRING_SCHEMA)
                .field("content", Schema.BYTES_SCHEMA).build();
        Schema value = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA)
                .field("message", block).build();
        Struct struct = new Struct(value).put("op", "m").put("ts_ms", 1L)
                .put("message", new Struct(block).put("prefix", prefix).put("content", ByteBuffer.wrap(content)));
        return new SourceRecord(Map.of(), Map.of(), "orderflow-payment.message", null, null, value, struct);
    }

    private static ProducerRecord<byte[], byte[]> only(List<ProducerRecord<byte[], byte[]>> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
