package dev.orderflow.runtime.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;

/**
 * The content of an outbox logical decoding message ({@link OutboxMode#MESSAGE}): the events of one transaction,
 * in order, as an {@code OutboxMessage} (see {@code OutboxMessage.avsc}) in Avro's single-object encoding. The
 * writer encodes, the relay decodes; the encoding's schema fingerprint makes a relay refuse, rather than misread,
 * a message from a writer with a schema it does not know.
 */
public final class OutboxMessageCodec {

    /** Prefix of every outbox message; the relay decodes messages with this prefix only. */
    public static final String PREFIX = "orderflow.outbox";

    public static final Schema SCHEMA = loadSchema();

    private static final Schema EVENT = SCHEMA.getField("events").schema().getElementType();

    private final BinaryMessageEncoder<GenericRecord> encoder = new BinaryMessageEncoder<>(GenericData.get(), SCHEMA);
    private final BinaryMessageDecoder<GenericRecord> decoder = new BinaryMessageDecoder<>(GenericData.get(), SCHEMA);

    /** The events of one message and when they were written. */
    public record Message(long createdAtMillis, List<OutboxEvent> events) {
    }

    public byte[] encode(Collection<OutboxEvent> events, long createdAtMillis) {
        List<GenericRecord> items = new ArrayList<>(events.size());
        for (OutboxEvent e : events) {
            GenericRecord item = new GenericData.Record(EVENT);
            item.put("id", e.eventId().toString());
            item.put("aggregateType", e.aggregateType());
            item.put("aggregateId", e.aggregateId());
            item.put("type", e.eventType());
            item.put("payload", ByteBuffer.wrap(e.payload()));
            item.put("correlationId", e.correlationId());
            item.put("causationId", e.causationId());
            item.put("traceparent", e.traceparent());
            items.add(item);
        }
        GenericRecord message = new GenericData.Record(SCHEMA);
        message.put("createdAt", createdAtMillis);
        message.put("events", items);
        try {
            ByteBuffer encoded = encoder.encode(message);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a message's content.
     *
     * @throws IllegalArgumentException when the content is not an outbox message this version can read (another
     *                                  schema, truncated, or an event that breaks {@link OutboxEvent}'s rules)
     */
    public Message decode(byte[] content) {
        GenericRecord message;
        try {
            message = decoder.decode(content);
        } catch (IOException | AvroRuntimeException e) {
            throw new IllegalArgumentException("not an outbox message this relay can read (" + content.length
                    + " bytes): " + e.getMessage(), e);
        }
        List<?> items = (List<?>) message.get("events");
        List<OutboxEvent> events = new ArrayList<>(items.size());
        for (Object o : items) {
            GenericRecord item = (GenericRecord) o;
            ByteBuffer payload = (ByteBuffer) item.get("payload");
            byte[] bytes = new byte[payload.remaining()];
            payload.duplicate().get(bytes);
            events.add(new OutboxEvent(UUID.fromString(text(item, "id")), text(item, "aggregateType"),
                    text(item, "aggregateId"), text(item, "type"), bytes, text(item, "correlationId"),
                    text(item, "causationId"), text(item, "traceparent")));
        }
        return new Message((Long) message.get("createdAt"), events);
    }

    private static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    private static Schema loadSchema() {
        try (InputStream in = OutboxMessageCodec.class.getResourceAsStream("OutboxMessage.avsc")) {
            if (in == null) {
                throw new IllegalStateException("OutboxMessage.avsc is missing from the classpath");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
