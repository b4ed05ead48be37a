package dev.orderflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import dev.orderflow.schemas.compat.SchemaDirectory;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    static java.util.List<Class<? extends SpecificRecord>> eventTypes() {
        return EventCatalog.types();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventSurvivesAnAvroBinaryRoundTrip(Class<? extends SpecificRecord> type) throws IOException {
        SpecificRecord original = SampleRecords.of(type);
        assertThat(decode(type, encode(original))).isEqualTo(original);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventCarriesTheCommonMetadataAndDocumentsEveryField(Class<? extends SpecificRecord> type) {
        Schema schema = org.apache.avro.specific.SpecificData.get().getSchema(type);
        assertThat(schema.getField("metadata")).as("metadata field of %s", type.getSimpleName()).isNotNull();
        assertThat(schema.getField("metadata").schema().getFullName()).isEqualTo("dev.orderflow.events.EventMetadata");
        assertThat(schema.getFields()).allSatisfy(f -> assertThat(f.doc()).as("doc of %s.%s", type, f.name()).isNotBlank());
    }

    @Test
    void catalogListsExactlyTheEventSchemasOfTheSourceTree() {
        Set<String> sourceSchemas = SchemaDirectory.readEvents(Path.of("src/main/avro")).keySet();
        Set<String> catalog = EventCatalog.types().stream().map(Class::getName).collect(Collectors.toSet());
        assertThat(catalog).isEqualTo(sourceSchemas);
        assertThat(EventCatalog.byName("dev.orderflow.events.OrderPlaced")).isPresent();
        assertThat(EventCatalog.byName("dev.orderflow.events.Nope")).isEmpty();
    }

    @Test
    void orderPlacedCarriesAPaymentTokenAndNoCardData() {
        Schema schema = org.apache.avro.specific.SpecificData.get().getSchema(dev.orderflow.events.OrderPlaced.class);
        assertThat(schema.getField("paymentMethodToken")).isNotNull();
        assertThat(schema.getFields()).extracting(Schema.Field::name)
                .noneMatch(n -> n.toLowerCase().matches(".*(cardnumber|pan|cvc|cvv|expiry).*"));
    }

    private static byte[] encode(SpecificRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static SpecificRecord decode(Class<? extends SpecificRecord> type, byte[] bytes) throws IOException {
        SpecificDatumReader<SpecificRecord> reader = new SpecificDatumReader<>(
                org.apache.avro.specific.SpecificData.get().getSchema(type));
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
