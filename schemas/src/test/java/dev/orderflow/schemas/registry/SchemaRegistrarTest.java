package dev.orderflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.schemas.EventCatalog;
import dev.orderflow.schemas.compat.CompatibilityGate;
import dev.orderflow.schemas.compat.CompatibilityLevel;
import java.net.URI;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Requests and the conversation with the registry, over a recording transport (no network); registration against
 * the real registry is covered by SchemaRegistrationIT.
 */
class SchemaRegistrarTest {

    private static final URI REGISTRY = URI.create("http://registry:8081/apis/ccompat/v7");
    private static final String ORDER_PLACED = "dev.orderflow.events.OrderPlaced";

    private final ObjectMapper json = new ObjectMapper();
    private final RecordingTransport registry = new RecordingTransport();
    private final SchemaRegistrar registrar =
            new SchemaRegistrar(REGISTRY, CompatibilityGate.packaged()::levelOf, registry);

    @Test
    void registersUnderTheRecordNameSubjectWithTheConfluentContentType() throws Exception {
        var request = registrar.registerRequest(ORDER_PLACED, OrderPlaced.getClassSchema());

        assertThat(request.uri()).hasToString(
                "http://registry:8081/apis/ccompat/v7/subjects/dev.orderflow.events.OrderPlaced/versions");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.schemaregistry.v1+json");
        JsonNode body = json.readTree(RecordingTransport.bodyOf(request));
        assertThat(body.get("schemaType").asText()).isEqualTo("AVRO");
        assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(OrderPlaced.getClassSchema());
    }

    @Test
    void setsTheSubjectCompatibility() throws Exception {
        var request = registrar.configRequest(ORDER_PLACED, CompatibilityLevel.FULL);

        assertThat(request.uri()).hasToString("http://registry:8081/apis/ccompat/v7/config/" + ORDER_PLACED);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(json.readTree(RecordingTransport.bodyOf(request)).get("compatibility").asText()).isEqualTo("FULL");
    }

    @Test
    void aBaseUrlWithATrailingSlashGivesTheSameRequests() {
        var registrarWithSlash = new SchemaRegistrar(URI.create(REGISTRY + "/"), s -> CompatibilityLevel.BACKWARD,
                registry);
        assertThat(registrarWithSlash.configRequest(ORDER_PLACED, CompatibilityLevel.FULL).uri())
                .isEqualTo(registrar.configRequest(ORDER_PLACED, CompatibilityLevel.FULL).uri());
    }

    @Test
    void planListsEveryCatalogEventWithTheGatesLevel() {
        List<SchemaRegistrar.Registration> plan = registrar.plan(EventCatalog.schemas());

        assertThat(plan).hasSize(EventCatalog.types().size());
        assertThat(plan).filteredOn(r -> r.level() == CompatibilityLevel.FULL)
                .extracting(SchemaRegistrar.Registration::subject).containsExactly(ORDER_PLACED);
        assertThat(registry.requests).as("planning sends nothing").isEmpty();
    }

    @Test
    void setsTheLevelBeforeRegisteringEachSchemaAndReturnsTheIds() {
        registry.answer(200, "{\"compatibility\":\"FULL\"}").answer(200, "{\"id\":7}")
                .answer(200, "{\"compatibility\":\"BACKWARD\"}").answer(200, "{\"id\":8}");

        var ids = registrar.register(List.of(OrderPlaced.getClassSchema(), PaymentDeclined.getClassSchema()));

        assertThat(ids).containsExactly(
                org.assertj.core.api.Assertions.entry(ORDER_PLACED, 7),
                org.assertj.core.api.Assertions.entry("dev.orderflow.events.PaymentDeclined", 8));
        assertThat(registry.requests).extracting(r -> r.method() + " " + r.uri().getPath()).containsExactly(
                "PUT /apis/ccompat/v7/config/" + ORDER_PLACED,
                "POST /apis/ccompat/v7/subjects/" + ORDER_PLACED + "/versions",
                "PUT /apis/ccompat/v7/config/dev.orderflow.events.PaymentDeclined",
                "POST /apis/ccompat/v7/subjects/dev.orderflow.events.PaymentDeclined/versions");
    }

    @Test
    void aRefusedIncompatibleSchemaNamesTheSubjectAndTheRegistrysMessage() {
        registry.answer(200, "{\"compatibility\":\"FULL\"}").answer(409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}");

        assertThatThrownBy(() -> registrar.register(List.of(OrderPlaced.getClassSchema())))
                .isInstanceOf(SchemaRegistrationException.class)
                .hasMessage("cannot register " + ORDER_PLACED + ": the registry refused an incompatible schema (409): "
                        + "Schema being registered is incompatible with an earlier schema");
    }

    @Test
    void anyOtherErrorNamesTheRequestAndStatus() {
        registry.answer(503, "unavailable");

        assertThatThrownBy(() -> registrar.register(List.of(OrderPlaced.getClassSchema())))
                .isInstanceOf(SchemaRegistrationException.class)
                .hasMessageContaining(ORDER_PLACED)
                .hasMessageContaining("PUT http://registry:8081/apis/ccompat/v7/config/" + ORDER_PLACED
                        + " answered 503: unavailable");
    }

    @Test
    void anAnswerWithoutIdIsAnError() {
        registry.answer(200, "{}").answer(200, "{}");

        assertThatThrownBy(() -> registrar.register(List.of(OrderPlaced.getClassSchema())))
                .isInstanceOf(SchemaRegistrationException.class)
                .hasMessageContaining("without a schema id");
    }
}
