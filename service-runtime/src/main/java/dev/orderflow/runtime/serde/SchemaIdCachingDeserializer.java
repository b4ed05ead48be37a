package dev.orderflow.runtime.serde;

import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Apicurio's Avro deserializer with a reader kept per schema id. Apicurio builds a new datum reader, and so resolves
 * the writer's schema against the reader's again, for every record; that resolution was most of order-stream's Avro
 * cost. This deserializer lets Apicurio decode the first record of each schema id (so unknown ids, registry trouble
 * and bytes that are not Avro fail exactly as before), then decodes later records with the id with a reader of the
 * writer's schema (from the registry) resolved once against the generated class's.
 */
final class SchemaIdCachingDeserializer<T> implements Deserializer<T> {

    private final AvroKafkaDeserializer<T> registry;
    private final ConcurrentMap<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    SchemaIdCachingDeserializer(AvroKafkaDeserializer<T> registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry.configure(configs, isKey);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null || data.length < ConfluentFraming.HEADER_BYTES || data[0] != ConfluentFraming.MAGIC_BYTE) {
            return registry.deserialize(topic, data);
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            T value = registry.deserialize(topic, data);
            if (value instanceof SpecificRecord specific) {
                readers.putIfAbsent(id, new SpecificDatumReader<>(writerSchema(id), specific.getSchema()));
            }
            return value;
        }
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, ConfluentFraming.HEADER_BYTES,
                    data.length - ConfluentFraming.HEADER_BYTES, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot decode an Avro record of schema id " + id, e);
        }
    }

    /** The schema the id names; Apicurio has it cached since it just decoded a record with it. */
    private Schema writerSchema(int id) {
        return registry.getSchemaResolver().resolveSchemaByArtifactReference(ArtifactReference.builder()
                .contentId((long) id).build()).getParsedSchema().getParsedSchema();
    }

    @Override
    public void close() {
        registry.close();
    }
}
