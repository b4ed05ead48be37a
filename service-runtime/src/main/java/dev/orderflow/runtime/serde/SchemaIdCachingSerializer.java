package dev.orderflow.runtime.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Apicurio's Avro serializer with its per-record schema look-up taken out. Apicurio finds a record's schema id by
 * the schema's text on every call, printing the schema as JSON to do so: a tenth of a stage service's CPU under load.
 * A generated event class's schema, and so its id, cannot change in a running JVM, so this serializer lets Apicurio
 * serialize the first record of each class (which registers or looks the schema up), keeps the frame header it wrote
 * (magic byte and 4-byte id), and writes every later record of that class the same way itself.
 */
final class SchemaIdCachingSerializer implements Serializer<SpecificRecord> {

    private final Serializer<SpecificRecord> registry;
    private final ConcurrentMap<Class<?>, Frame> frames = new ConcurrentHashMap<>();

    /** The header Apicurio wrote for a class, and a writer of its schema (writers are safe to share). */
    private record Frame(byte[] header, DatumWriter<SpecificRecord> writer) {
    }

    SchemaIdCachingSerializer(Serializer<SpecificRecord> registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registry.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return registry.serialize(topic, null);
        }
        Frame frame = frames.get(record.getClass());
        if (frame == null) {
            byte[] framed = registry.serialize(topic, record);
            if (framed != null && framed.length >= ConfluentFraming.HEADER_BYTES
                    && framed[0] == ConfluentFraming.MAGIC_BYTE) {
                frames.putIfAbsent(record.getClass(), new Frame(Arrays.copyOf(framed, ConfluentFraming.HEADER_BYTES),
                        new SpecificDatumWriter<>(record.getSchema())));
            }
            return framed;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(frame.header(), 0, frame.header().length);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            frame.writer().write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + record.getSchema().getFullName() + " as Avro", e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        registry.close();
    }
}
