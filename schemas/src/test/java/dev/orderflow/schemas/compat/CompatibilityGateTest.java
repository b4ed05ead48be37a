package dev.orderflow.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The gate accepts compatible evolution and rejects breaking changes with a message naming the field. */
class CompatibilityGateTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("released");
    private static final String ORDER_PLACED = "dev.orderflow.events.OrderPlaced";
    private static final String PAYMENT_DECLINED = "dev.orderflow.events.PaymentDeclined";

    private final ObjectMapper json = new ObjectMapper();
    private final CompatibilityGate gate = CompatibilityGate.packaged();
    private final Map<String, Schema> released = SchemaDirectory.readEvents(RELEASED);

    @Test
    void currentSchemasKeepTheirLevelAgainstTheReleasedOnes() {
        assertThat(gate.check(SchemaDirectory.readEvents(CURRENT), released)).isEmpty();
    }

    @Test
    void orderPlacedMustStayFullyCompatibleAndTheOthersBackward() {
        assertThat(gate.levelOf(ORDER_PLACED)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(gate.levelOf(PAYMENT_DECLINED)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void newRequiredFieldWithoutDefaultIsRejectedNamingTheField() throws Exception {
        Map<String, Schema> changed = withChange("OrderPlaced.avsc", s -> fields(s).addObject()
                .put("name", "giftWrap").put("type", "boolean").put("doc", "Wrap it."));
        List<String> problems = gate.check(changed, released);
        assertThat(problems).singleElement().asString()
                .contains(ORDER_PLACED).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("giftWrap");
    }

    @Test
    void newFieldWithDefaultIsAccepted() throws Exception {
        Map<String, Schema> changed = withChange("OrderPlaced.avsc", s -> fields(s).addObject()
                .put("name", "giftWrap").put("type", "boolean").put("default", false).put("doc", "Wrap it."));
        assertThat(gate.check(changed, released)).isEmpty();
    }

    @Test
    void removingAFieldWithoutDefaultBreaksFullCompatibilityOfOrderPlaced() throws Exception {
        Map<String, Schema> changed = withChange("OrderPlaced.avsc", s -> removeField(s, "customerId"));
        assertThat(gate.check(changed, released)).singleElement().asString()
                .contains("FORWARD").contains("customerId");
    }

    @Test
    void removingAFieldIsFineForABackwardOnlyEvent() throws Exception {
        Map<String, Schema> changed = withChange("PaymentDeclined.avsc", s -> removeField(s, "detail"));
        assertThat(gate.check(changed, released)).isEmpty();
    }

    @Test
    void addingAnEnumSymbolIsAcceptedThanksToTheEnumDefault() throws Exception {
        Map<String, Schema> changed = withChange("PaymentDeclined.avsc", s -> {
            ObjectNode reasonType = (ObjectNode) field(s, "reasonCode").get("type");
            ((ArrayNode) reasonType.get("symbols")).insert(0, "LIMIT_EXCEEDED");
        });
        assertThat(gate.check(changed, released)).isEmpty();
    }

    @Test
    void removedEventTypeIsRejected() {
        Map<String, Schema> current = new HashMap<>(SchemaDirectory.readEvents(CURRENT));
        current.remove(PAYMENT_DECLINED);
        assertThat(gate.check(current, released)).singleElement().asString()
                .contains(PAYMENT_DECLINED).contains("removed");
    }

    @Test
    void failureMessageListsEveryProblemAndHowToFixIt() {
        SchemaCompatibilityException e = new SchemaCompatibilityException(List.of("a breaks", "b breaks"));
        assertThat(e.getMessage()).contains("  - a breaks\n  - b breaks").contains("Give new fields a default");
    }

    @Test
    void unknownLevelInTheConfigurationIsAClearError() {
        Properties props = new Properties();
        props.setProperty("default", "SIDEWAYS");
        assertThatThrownBy(() -> new CompatibilityGate(props).levelOf(ORDER_PLACED))
                .hasMessageContaining("Invalid value SIDEWAYS for compatibility of " + ORDER_PLACED);
    }

    /** The current schemas, with one event file changed as JSON and re-parsed against the shared records. */
    private Map<String, Schema> withChange(String file, Consumer<ObjectNode> change) throws Exception {
        ObjectNode schema = (ObjectNode) json.readTree(Files.readString(CURRENT.resolve("events").resolve(file)));
        change.accept(schema);
        Schema.Parser parser = new Schema.Parser();
        for (String common : List.of("EventMetadata", "LineItem", "ShippingAddress")) {
            parser.parse(CURRENT.resolve("common").resolve(common + ".avsc").toFile());
        }
        Schema changed = parser.parse(schema.toString());
        Map<String, Schema> current = new HashMap<>(SchemaDirectory.readEvents(CURRENT));
        current.put(changed.getFullName(), changed);
        return current;
    }

    private static ArrayNode fields(ObjectNode schema) {
        return (ArrayNode) schema.get("fields");
    }

    private static ObjectNode field(ObjectNode schema, String name) {
        for (var f : fields(schema)) {
            if (f.get("name").asText().equals(name)) {
                return (ObjectNode) f;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }

    private static void removeField(ObjectNode schema, String name) {
        ArrayNode fields = fields(schema);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(name)) {
                fields.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }
}
