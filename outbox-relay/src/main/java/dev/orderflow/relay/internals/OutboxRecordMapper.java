package dev.orderflow.relay.internals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

/**
 * Turns a change event that went through Debezium's outbox event router into the Kafka record to publish:
 * topic from the aggregate type, key = order id, the outbox payload byte for byte, and the event id, type,
 * correlation, causation and trace context as headers. Anything else the engine emits (heartbeats) is not an
 * outbox event and maps to nothing.
 */
public final class OutboxRecordMapper {

    /** Header the event router puts the outbox row's id in. */
    public static final String EVENT_ID_HEADER = "id";

    private final UnaryOperator<String> topicForAggregateType;
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();

    public OutboxRecordMapper(UnaryOperator<String> topicForAggregateType) {
        this.topicForAggregateType = topicForAggregateType;
    }

    public Optional<ProducerRecord<byte[], byte[]>> map(SourceRecord record) {
        byte[] payload = payloadOf(record.value());
        if (payload == null || record.headers().lastWithName(EVENT_ID_HEADER) == null) {
            return Optional.empty();
        }
        String topic = topicForAggregateType.apply(record.topic());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.add(header.key(), headerConverter.fromConnectHeader(topic, header.key(), header.schema(),
                        header.value()));
            }
        }
        byte[] key = record.key() == null ? null : record.key().toString().getBytes(StandardCharsets.UTF_8);
        return Optional.of(new ProducerRecord<>(topic, null, record.timestamp(), key, payload, headers));
    }

    private static byte[] payloadOf(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        return null;
    }
}
