package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.domain.DecodedPayload;
import dev.orderflow.dlq.domain.PayloadDecoder;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Decodes Confluent-framed Avro values (magic byte 0, 4-byte schema id) with the writer's schema from the registry,
 * into generic records, so any event type decodes, including ones this build does not know.
 */
public final class RegistryPayloadDecoder implements PayloadDecoder, AutoCloseable {

    private static final byte MAGIC = 0;
    private final AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();

    public RegistryPayloadDecoder(String registryUrl) {
        Map<String, Object> config = EventSerdes.config(RegistrySettings.of(registryUrl));
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, false);
        deserializer.configure(config, false);
    }

    @Override
    public DecodedPayload decode(String topic, byte[] value) {
        if (value == null) {
            return DecodedPayload.undecodable("no value (tombstone)");
        }
        if (value.length < 5 || value[0] != MAGIC) {
            return DecodedPayload.undecodable("not Confluent-framed Avro: expected magic byte 0 and a 4-byte schema id"
                    + (value.length == 0 ? ", got an empty value" : ", got first byte 0x"
                    + String.format("%02x", value[0] & 0xff) + " and " + value.length + " bytes"));
        }
        try {
            Object decoded = deserializer.deserialize(topic, value);
            if (decoded instanceof GenericRecord record) {
                return DecodedPayload.decoded(record.getSchema().getFullName(), GenericData.get().toString(record));
            }
            return DecodedPayload.decoded(decoded == null ? "null" : decoded.getClass().getName(),
                    GenericData.get().toString(decoded));
        } catch (RuntimeException e) {
            return DecodedPayload.undecodable(rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? e.toString() : e.getClass().getSimpleName() + ": " + root;
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
