package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.domain.DecodedPayload;
import dev.orderflow.dlq.domain.PayloadDecoder;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import io.apicurio.registry.rest.client.exception.RestClientException;
import io.apicurio.registry.serde.SerdeConfig;
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
    private final String registryUrl;
    /** Set once the registry could not be reached: later records say so at once instead of each waiting again. */
    private String unreachable;

    public RegistryPayloadDecoder(String registryUrl) {
        this.registryUrl = registryUrl;
        Map<String, Object> config = EventSerdes.config(RegistrySettings.of(registryUrl));
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, false);
        // An operator waits on this; the serde's default retries multiply the wait for every record.
        config.put(SerdeConfig.RETRY_COUNT, 1);
        config.put(SerdeConfig.RETRY_BACKOFF_MS, 200L);
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
        if (unreachable != null) {
            return DecodedPayload.undecodable(unreachable);
        }
        try {
            Object decoded = deserializer.deserialize(topic, value);
            if (decoded instanceof GenericRecord record) {
                return DecodedPayload.decoded(record.getSchema().getFullName(), GenericData.get().toString(record));
            }
            return DecodedPayload.decoded(decoded == null ? "null" : decoded.getClass().getName(),
                    GenericData.get().toString(decoded));
        } catch (RestClientException e) {
            Integer code = e.getError() == null ? null : e.getError().getErrorCode();
            String error = registryError(e);
            if (code == null || code == 0 || code >= 500) {
                unreachable = "not decoded: schema registry at " + registryUrl + " failed (" + error
                        + "); check --registry-url and that the registry is up";
                return DecodedPayload.undecodable(unreachable);
            }
            return DecodedPayload.undecodable("schema id " + schemaId(value) + " not usable: " + error);
        } catch (RuntimeException e) {
            if (hasCause(e, java.io.IOException.class)) {
                unreachable = "not decoded: schema registry at " + registryUrl + " unreachable (" + rootMessage(e)
                        + "); check --registry-url";
                return DecodedPayload.undecodable(unreachable);
            }
            return DecodedPayload.undecodable(rootMessage(e));
        }
    }

    private static String registryError(RestClientException e) {
        var error = e.getError();
        if (error == null) {
            return e.toString();
        }
        return error.getName() + (error.getErrorCode() == null ? "" : " " + error.getErrorCode()) + ": "
                + (error.getMessage() != null ? error.getMessage() : error.getDetail());
    }

    private static int schemaId(byte[] value) {
        return java.nio.ByteBuffer.wrap(value, 1, 4).getInt();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
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
