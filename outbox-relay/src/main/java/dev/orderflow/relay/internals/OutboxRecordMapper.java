package dev.orderflow.relay.internals;

import dev.orderflow.runtime.outbox.OutboxEvent;
import dev.orderflow.runtime.outbox.OutboxMessageCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;

/**
 * Turns what the engine emits into the Kafka records to publish: topic from the aggregate type, key = order id, the
 * outbox payload byte for byte, and the event id, type, correlation, causation and trace context as headers.
 *
 * <ul>
 *   <li>An outbox row arrives already routed by Debezium's outbox event router: one record.</li>
 *   <li>An outbox logical decoding message (prefix {@value OutboxMessageCodec#PREFIX}) holds all events one
 *       transaction wrote: one record each, in their order.</li>
 *   <li>Anything else (heartbeats) is not an outbox event and maps to nothing.</li>
 * </ul>
 */
public final class OutboxRecordMapper {

    /** Header the event id travels in (the event router's name for it). */
    public static final String EVENT_ID_HEADER = "id";

    private final UnaryOperator<String> topicForAggregateType;
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();
    private final OutboxMessageCodec messages = new OutboxMessageCodec();

    public OutboxRecordMapper(UnaryOperator<String> topicForAggregateType) {
        this.topicForAggregateType = topicForAggregateType;
    }

    /**
     * @throws IllegalArgumentException for an outbox message this relay cannot read: the engine stops with the
     *                                  reason rather than skip events (a newer writer needs a newer relay)
     */
    public List<ProducerRecord<byte[], byte[]>> map(SourceRecord record) {
        if (record.value() instanceof Struct change && isMessage(change)) {
            return fromMessage(change.getStruct("message"));
        }
        byte[] payload = bytesOf(record.value());
        if (payload == null || record.headers().lastWithName(EVENT_ID_HEADER) == null) {
            return List.of();
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
        return List.of(new ProducerRecord<>(topic, null, record.timestamp(), key, payload, headers));
    }

    private static boolean isMessage(Struct change) {
        return change.schema().field("message") != null && "m".equals(change.getString("op"));
    }

    private List<ProducerRecord<byte[], byte[]>> fromMessage(Struct message) {
        if (!OutboxMessageCodec.PREFIX.equals(message.getString("prefix"))) {
            return List.of();
        }
        OutboxMessageCodec.Message decoded = messages.decode(bytesOf(message.get("content")));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(decoded.events().size());
        for (OutboxEvent event : decoded.events()) {
            RecordHeaders headers = new RecordHeaders();
            header(headers, EVENT_ID_HEADER, event.eventId().toString());
            header(headers, "eventType", event.eventType());
            header(headers, "correlationId", event.correlationId());
            header(headers, "causationId", event.causationId());
            header(headers, "traceparent", event.traceparent());
            records.add(new ProducerRecord<>(topicForAggregateType.apply(event.aggregateType()), null,
                    decoded.createdAtMillis(), event.aggregateId().getBytes(StandardCharsets.UTF_8), event.payload(),
                    headers));
        }
        return records;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytesOf(Object value) {
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
