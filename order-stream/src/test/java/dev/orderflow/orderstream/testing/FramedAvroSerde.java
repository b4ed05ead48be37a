package dev.orderflow.orderstream.testing;

import dev.orderflow.schemas.EventCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Unit-test stand-in for the registry serde: the Confluent frame (magic 0, 4-byte schema id, Avro binary) with
 * fixed ids (position in {@link EventCatalog}, plus extra types a test adds), so topology tests need no registry.
 */
public final class FramedAvroSerde implements Serde<SpecificRecord> {

    private final List<Class<? extends SpecificRecord>> types = new ArrayList<>(EventCatalog.types());

    /** Adds a type the catalog does not list (to test records order-stream does not handle). */
    public FramedAvroSerde with(Class<? extends SpecificRecord> type) {
        types.add(type);
        return this;
    }

    @Override
    public Serializer<SpecificRecord> serializer() {
        return (topic, record) -> {
            int id = types.indexOf(record.getClass());
            if (id < 0) {
                throw new SerializationException("no test schema id for " + record.getClass());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            try {
                new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new SerializationException(e);
            }
            return out.toByteArray();
        };
    }

    @Override
    public Deserializer<SpecificRecord> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
                throw new SerializationException("not a Confluent-framed Avro record");
            }
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            if (id < 0 || id >= types.size()) {
                throw new SerializationException("unknown schema id " + id);
            }
            var schema = SpecificData.get().getSchema(types.get(id));
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            try {
                return new SpecificDatumReader<SpecificRecord>(schema).read(null, decoder);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot decode schema id " + id, e);
            }
        };
    }
}
