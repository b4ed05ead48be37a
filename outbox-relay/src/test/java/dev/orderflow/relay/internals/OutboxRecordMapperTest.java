package dev.orderflow.relay.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

        ProducerRecord<byte[], byte[]> record = mapper.map(routed).orElseThrow();

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
        assertThat(mapper.map(routed).orElseThrow().value()).containsExactly(1, 2, 3);
    }

    @Test
    void heartbeatsAreNotOutboxEvents() {
        Schema schema = SchemaBuilder.struct().field("ts_ms", Schema.INT64_SCHEMA).build();
        SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.orderflow-payment",
                schema, new Struct(schema).put("ts_ms", 1L));
        assertThat(mapper.map(heartbeat)).isEmpty();
    }
}
