package dev.orderflow.runtime.serde;

import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.strategy.QualifiedRecordIdStrategy;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro serdes for order events in the <b>Confluent wire format</b> (magic byte 0, 4-byte schema id, Avro binary),
 * so upstream producers and consumers that use Confluent's serializers interoperate with the platform.
 *
 * <p>The serde is Apicurio's, in Confluent mode. Its defaults are not Confluent-compatible (they put the id in
 * headers and use 8-byte global ids), so every setting that matters is fixed here, once:
 * <ul>
 *   <li>{@code as-confluent=true}, {@code use-id=contentId}, {@code headers.enabled=false}: the Confluent frame
 *       with the id a Confluent client resolves through {@code /schemas/ids/{id}};</li>
 *   <li>{@link QualifiedRecordIdStrategy}: the subject is the record's full name (Confluent's
 *       RecordNameStrategy), so several event types share one topic;</li>
 *   <li>specific reader: consumers get the generated classes, not generic records.</li>
 * </ul>
 */
public final class EventSerdes {

    private EventSerdes() {
    }

    /** The serde configuration shared by serializers and deserializers of event values. */
    public static Map<String, Object> config(RegistrySettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, settings.apiUrl().toString());
        config.put(SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true);
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, QualifiedRecordIdStrategy.class.getName());
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, settings.autoRegister());
        config.put(AvroKafkaSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    /** Apicurio's serializer, asked once per event class (see {@link SchemaIdCachingSerializer}). */
    public static Serializer<SpecificRecord> valueSerializer(RegistrySettings settings) {
        AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config(settings), false);
        return new SchemaIdCachingSerializer(serializer);
    }

    /** Apicurio's deserializer, asked once per schema id (see {@link SchemaIdCachingDeserializer}). */
    public static Deserializer<SpecificRecord> valueDeserializer(RegistrySettings settings) {
        return anyValueDeserializer(settings);
    }

    /**
     * The same, typed as whatever the registry's schema decodes to: a generated event class, or a generic record for
     * a schema without one (which a consumer then refuses by name).
     */
    public static <T> Deserializer<T> anyValueDeserializer(RegistrySettings settings) {
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(config(settings), false);
        return new SchemaIdCachingDeserializer<>(deserializer);
    }

    public static Serde<SpecificRecord> valueSerde(RegistrySettings settings) {
        return Serdes.serdeFrom(valueSerializer(settings), valueDeserializer(settings));
    }
}
