package dev.orderflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemas.compat.SchemaDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogTest {

    /** Enums whose unknown symbols must fail decoding rather than map to a default (see their schema doc). */
    private static final Set<String> ENUMS_WITHOUT_DEFAULT = Set.of("dev.orderflow.events.VerifiedPaymentOutcome");

    static List<Class<? extends SpecificRecord>> eventTypes() {
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
    void everyEventCarriesTheCommonMetadata(Class<? extends SpecificRecord> type) {
        Schema schema = SpecificData.get().getSchema(type);
        assertThat(schema.getField("metadata")).as("metadata field of %s", type.getSimpleName()).isNotNull();
        assertThat(schema.getField("metadata").schema().getFullName()).isEqualTo("dev.orderflow.events.EventMetadata");
    }

    @Test
    void everyFieldIsDocumentedOptionalFieldsDefaultToNullAndEnumsHaveADefault() {
        List<Schema.Field> fields = new ArrayList<>();
        List<Schema> enums = new ArrayList<>();
        EventCatalog.schemas().forEach(schema -> collect(schema, fields, enums, new ArrayList<>()));
        assertThat(fields).hasSizeGreaterThan(EventCatalog.types().size() * 2);
        assertThat(enums).isNotEmpty();

        assertThat(fields).allSatisfy(f -> assertThat(f.doc()).as("doc of %s", f.name()).isNotBlank());
        assertThat(fields).filteredOn(f -> f.schema().isNullable())
                .allSatisfy(f -> assertThat(f.defaultVal()).as("default of optional %s", f.name())
                        .isEqualTo(JsonProperties.NULL_VALUE));
        assertThat(enums).filteredOn(e -> !ENUMS_WITHOUT_DEFAULT.contains(e.getFullName()))
                .allSatisfy(e -> assertThat(e.getEnumDefault()).as("default symbol of %s", e.getFullName())
                        .isNotNull());
    }

    @Test
    void catalogListsExactlyTheEventSchemasOfTheSourceTree() {
        Set<String> sourceSchemas = SchemaDirectory.readEvents(Path.of("src/main/avro")).keySet();
        Set<String> catalog = EventCatalog.types().stream().map(Class::getName).collect(Collectors.toSet());
        assertThat(catalog).isEqualTo(sourceSchemas);
        assertThat(EventCatalog.schemas()).extracting(Schema::getFullName)
                .containsExactlyElementsOf(EventCatalog.types().stream().map(Class::getName).toList());
        assertThat(EventCatalog.byName("dev.orderflow.events.OrderPlaced")).contains(OrderPlaced.class);
        assertThat(EventCatalog.byName("dev.orderflow.events.Nope")).isEmpty();
    }

    @Test
    void orderPlacedCarriesAPaymentTokenAndNoCardData() {
        Schema schema = OrderPlaced.getClassSchema();
        assertThat(schema.getField("paymentMethodToken")).isNotNull();
        assertThat(schema.getFields()).extracting(Schema.Field::name)
                .noneMatch(n -> n.toLowerCase().matches(".*(cardnumber|pan|cvc|cvv|expiry).*"));
    }

    private static void collect(Schema schema, List<Schema.Field> fields, List<Schema> enums, List<Schema> seen) {
        if (seen.contains(schema)) {
            return;
        }
        seen.add(schema);
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(f -> {
                fields.add(f);
                collect(f.schema(), fields, enums, seen);
            });
            case ENUM -> enums.add(schema);
            case ARRAY -> collect(schema.getElementType(), fields, enums, seen);
            case MAP -> collect(schema.getValueType(), fields, enums, seen);
            case UNION -> schema.getTypes().forEach(t -> collect(t, fields, enums, seen));
            default -> {
            }
        }
    }

    private static byte[] encode(SpecificRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static SpecificRecord decode(Class<? extends SpecificRecord> type, byte[] bytes) throws IOException {
        SpecificDatumReader<SpecificRecord> reader = new SpecificDatumReader<>(SpecificData.get().getSchema(type));
        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
}
