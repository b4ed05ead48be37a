package dev.orderflow.runtime.consumer;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.runtime.failure.MalformedEventException;
import dev.orderflow.runtime.serde.ConfluentFraming;
import dev.orderflow.schemas.EventCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes a record's value (Avro, Confluent framing) and checks it before any handler sees it: a known event type,
 * metadata with an event id and an order id equal to the record key, and the handler's own validation. Anything else
 * is a {@link MalformedEventException} with a reason an operator can act on; bytes without the Confluent frame are
 * refused before the serde is asked ({@link ConfluentFraming}).
 */
final class RecordDecoder {

    private final Deserializer<Object> values;

    RecordDecoder(Deserializer<Object> values) {
        this.values = values;
    }

    /** The decoded event, or empty when this stage does not act on its (known) type. */
    Optional<InboundEvent> decode(RecordSource source, StageHandler<?> handler) {
        Optional<MalformedEventException> unframed = ConfluentFraming.violation(source.value());
        if (unframed.isPresent()) {
            throw unframed.get();
        }
        Object decoded;
        try {
            decoded = values.deserialize(source.topic(), source.headers(), source.value());
        } catch (RuntimeException e) {
            throw new MalformedEventException("cannot decode the value as Avro in the Confluent framing: "
                    + rootMessage(e), e);
        }
        if (!(decoded instanceof SpecificRecord event) || EventCatalog.byName(event.getSchema().getFullName()).isEmpty()) {
            String type = decoded instanceof org.apache.avro.generic.GenericContainer c
                    ? c.getSchema().getFullName() : String.valueOf(decoded == null ? null : decoded.getClass());
            throw new MalformedEventException("unknown event type " + type);
        }
        EventMetadata metadata = metadataOf(event);
        String key = source.key() == null ? null : new String(source.key(), StandardCharsets.UTF_8);
        if (!metadata.getOrderId().equals(key)) {
            throw new MalformedEventException("record key '" + key + "' differs from the event's order id '"
                    + metadata.getOrderId() + "'");
        }
        if (!handler.handles(event)) {
            return Optional.empty();
        }
        List<String> problems = handler.validate(event);
        if (!problems.isEmpty()) {
            throw new MalformedEventException(event.getSchema().getName() + " failed validation: "
                    + String.join("; ", problems));
        }
        return Optional.of(new InboundEvent(source, event, metadata, null));
    }

    static EventMetadata metadataOf(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("metadata");
        if (field == null || !(event.get(field.pos()) instanceof EventMetadata metadata)) {
            throw new MalformedEventException(event.getSchema().getFullName() + " has no event metadata");
        }
        if (metadata.getEventId() == null || metadata.getOrderId() == null || metadata.getOrderId().isBlank()) {
            throw new MalformedEventException("event metadata without an event id or order id");
        }
        return metadata;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
