package dev.orderflow.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The gate accepts compatible evolution and rejects breaking changes with a message naming the schema, the level and
 * the field. Each changed schema is a fixture in {@code src/test/resources/evolution/}, checked against the released
 * schemas of this module.
 */
class CompatibilityGateTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("released");
    private static final String ORDER_PLACED = "dev.orderflow.events.OrderPlaced";
    private static final String PAYMENT_DECLINED = "dev.orderflow.events.PaymentDeclined";
    private static final String RESOLVE_PAYMENT = "dev.orderflow.events.ResolvePaymentCommand";

    private final CompatibilityGate gate = CompatibilityGate.packaged();
    private final Map<String, Schema> released = SchemaDirectory.readEvents(RELEASED);

    @Test
    void currentSchemasKeepTheirLevelAgainstTheReleasedOnes() {
        CompatibilityReport report = gate.check(SchemaDirectory.readEvents(CURRENT), released);
        assertThat(report.incompatibilities()).isEmpty();
        assertThat(report.newSchemas()).containsExactlyInAnyOrderElementsOf(addedSinceTheRelease());
        assertThat(report.compatible()).isTrue();
    }

    @Test
    void orderPlacedMustStayFullyCompatibleAndTheOthersBackward() {
        assertThat(gate.levelOf(ORDER_PLACED)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(gate.levelOf(PAYMENT_DECLINED)).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void newRequiredFieldWithoutDefaultIsRejectedNamingSchemaLevelAndField() {
        CompatibilityReport report = gate.check(currentWith("OrderPlaced-giftWrap-required.avsc"), released);

        assertThat(report.compatible()).isFalse();
        assertThat(report.incompatibilities()).singleElement().asString()
                .startsWith(ORDER_PLACED + " breaks FULL compatibility, BACKWARD check")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE: field 'giftWrap' at /fields/7");
    }

    @Test
    void newFieldWithDefaultIsAcceptedEvenAtFull() {
        assertThat(gate.check(currentWith("OrderPlaced-giftWrap-with-default.avsc"), released).compatible()).isTrue();
    }

    @Test
    void removingAFieldWithoutDefaultBreaksFullCompatibilityOfOrderPlaced() {
        CompatibilityReport report = gate.check(currentWith("OrderPlaced-customerId-removed.avsc"), released);

        assertThat(report.incompatibilities()).singleElement().asString()
                .startsWith(ORDER_PLACED + " breaks FULL compatibility, FORWARD check (released reader, new data)")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE: field 'customerId' at /fields/1");
    }

    @Test
    void removingAFieldIsFineForABackwardOnlyEvent() {
        assertThat(gate.check(currentWith("PaymentDeclined-detail-removed.avsc"), released).compatible()).isTrue();
    }

    @Test
    void changingAFieldTypeIsRejectedNamingTheField() {
        assertThat(gate.check(currentWith("ShipmentAccepted-shipmentId-as-long.avsc"), released).incompatibilities())
                .singleElement().asString()
                .contains("dev.orderflow.events.ShipmentAccepted breaks BACKWARD compatibility")
                .contains("TYPE_MISMATCH: field 'shipmentId' at /fields/1");
    }

    @Test
    void addingAnEnumSymbolIsAcceptedThanksToTheEnumDefault() {
        Map<String, Schema> changed = currentWith("PaymentDeclined-new-reason-code.avsc");
        assertThat(gate.check(changed, released).compatible()).isTrue();
        // Even a released reader copes with the new symbol (it reads OTHER): the change would pass FULL too.
        assertThat(gateWith(PAYMENT_DECLINED, "FULL").check(changed, released).compatible()).isTrue();
    }

    @Test
    void withoutAnEnumDefaultANewSymbolBreaksReleasedReaders() {
        // VerifiedPaymentOutcome deliberately has no default: an unknown verified outcome must never be guessed.
        Map<String, Schema> changed = currentWith("ResolvePaymentCommand-new-outcome.avsc");
        assertThat(gate.check(changed, released).compatible()).as("BACKWARD, as configured").isTrue();
        assertThat(gateWith(RESOLVE_PAYMENT, "FULL").check(changed, released).incompatibilities())
                .singleElement().asString()
                .contains("MISSING_ENUM_SYMBOLS: field 'outcome' at /fields/1/type/symbols")
                .contains("[PARTIALLY_AUTHORIZED]");
    }

    @Test
    void removedEventTypeIsRejected() {
        Map<String, Schema> current = new HashMap<>(SchemaDirectory.readEvents(CURRENT));
        current.remove(PAYMENT_DECLINED);
        assertThat(gate.check(current, released).incompatibilities()).singleElement().asString()
                .contains(PAYMENT_DECLINED).contains("removed");
    }

    @Test
    void newEventTypeWithoutReleasedVersionIsReportedNotRejected() {
        Map<String, Schema> olderRelease = new HashMap<>(released);
        olderRelease.remove(PAYMENT_DECLINED);
        CompatibilityReport report = gate.check(SchemaDirectory.readEvents(CURRENT), olderRelease);
        assertThat(report.compatible()).isTrue();
        List<String> expected = new ArrayList<>(addedSinceTheRelease());
        expected.add(PAYMENT_DECLINED);
        assertThat(report.newSchemas()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Event types of the source tree that the last release did not have (added until the next release). */
    private List<String> addedSinceTheRelease() {
        return SchemaDirectory.readEvents(CURRENT).keySet().stream().filter(name -> !released.containsKey(name))
                .sorted().toList();
    }

    @Test
    void failureMessageListsEveryProblemAndHowToFixIt() {
        SchemaCompatibilityException e = new SchemaCompatibilityException(List.of("a breaks", "b breaks"));
        assertThat(e.getMessage()).contains("  - a breaks\n  - b breaks").contains("Give new fields a default");
        assertThat(e.problems()).containsExactly("a breaks", "b breaks");
    }

    @Test
    void unknownLevelInTheConfigurationIsAClearErrorAtConstruction() {
        Properties props = new Properties();
        props.setProperty(ORDER_PLACED, "SIDEWAYS");
        assertThatThrownBy(() -> new CompatibilityGate(props))
                .hasMessage("Invalid value SIDEWAYS for compatibility of " + ORDER_PLACED
                        + ": expected BACKWARD, FORWARD or FULL");
    }

    @Test
    void defaultLevelAppliesToSchemasWithoutAnEntry() {
        Properties props = new Properties();
        props.setProperty("default", "FULL");
        assertThat(new CompatibilityGate(props).levelOf(PAYMENT_DECLINED)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(new CompatibilityGate(new Properties()).levelOf(PAYMENT_DECLINED))
                .isEqualTo(CompatibilityLevel.BACKWARD);
    }

    private static CompatibilityGate gateWith(String schema, String level) {
        Properties props = new Properties();
        props.setProperty(schema, level);
        return new CompatibilityGate(props);
    }

    /** The current event schemas, with one replaced by a fixture parsed against the current shared records. */
    private static Map<String, Schema> currentWith(String fixture) {
        Schema changed;
        try (InputStream in = CompatibilityGateTest.class.getResourceAsStream("/evolution/" + fixture)) {
            assertThat(in).as("fixture %s", fixture).isNotNull();
            changed = SchemaDirectory.parserWithCommonTypes(CURRENT).parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Schema> current = new HashMap<>(SchemaDirectory.readEvents(CURRENT));
        assertThat(current).as("fixture %s replaces an existing event", fixture).containsKey(changed.getFullName());
        current.put(changed.getFullName(), changed);
        return current;
    }
}
