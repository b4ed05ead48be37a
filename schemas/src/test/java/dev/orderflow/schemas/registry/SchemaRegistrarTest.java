package dev.orderflow.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.schemas.compat.CompatibilityLevel;
import java.net.URI;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Request building only; registration against the real registry is covered by SchemaRegistrationIT. */
class SchemaRegistrarTest {

    private final SchemaRegistrar registrar =
            SchemaRegistrar.withPackagedLevels(URI.create("http://registry:8081/apis/ccompat/v7"));

    @Test
    void registersUnderTheRecordNameSubjectWithTheConfluentContentType() {
        var request = registrar.registerRequest(OrderPlaced.getClassSchema().getFullName(), OrderPlaced.getClassSchema());
        assertThat(request.uri()).hasToString(
                "http://registry:8081/apis/ccompat/v7/subjects/dev.orderflow.events.OrderPlaced/versions");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().firstValue("Content-Type")).hasValue(SchemaRegistrar.CONTENT_TYPE);
    }

    @Test
    void bodyCarriesTheSchemaAsAvroJsonText() throws Exception {
        JsonNode body = new ObjectMapper().readTree(registrar.registerBody(OrderPlaced.getClassSchema()));
        assertThat(body.get("schemaType").asText()).isEqualTo("AVRO");
        assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(OrderPlaced.getClassSchema());
    }

    @Test
    void setsTheSubjectCompatibilityBeforeRegistering() {
        var request = registrar.configRequest("dev.orderflow.events.OrderPlaced", CompatibilityLevel.FULL);
        assertThat(request.uri()).hasToString("http://registry:8081/apis/ccompat/v7/config/dev.orderflow.events.OrderPlaced");
        assertThat(request.method()).isEqualTo("PUT");
    }
}
