package dev.orderflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.schemas.EventCatalog;
import dev.orderflow.schemas.compat.CompatibilityGate;
import dev.orderflow.schemas.compat.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * Registers event schemas in a Confluent-compatible registry (Confluent, Apicurio's ccompat API, Karapace), one
 * subject per event type named after the record's full name (Confluent's RecordNameStrategy), so several event
 * types share a topic. Each subject's compatibility level is set first, so the registry enforces the same rule as
 * the build's gate. Serializers run with auto-registration off outside tests: this is how schemas get registered.
 */
public final class SchemaRegistrar {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final URI baseUrl;
    private final HttpClient http;
    private final Function<String, CompatibilityLevel> levels;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param confluentApiUrl base URL of the Confluent API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}
     * @param levels          compatibility level per subject
     */
    public SchemaRegistrar(URI confluentApiUrl, Function<String, CompatibilityLevel> levels) {
        String url = confluentApiUrl.toString();
        this.baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
        this.levels = levels;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A registrar that sets the levels the build's compatibility gate checks. */
    public static SchemaRegistrar withPackagedLevels(URI confluentApiUrl) {
        return new SchemaRegistrar(confluentApiUrl, CompatibilityGate.packaged()::levelOf);
    }

    /** Registers every catalog schema; returns the registry's schema id per subject. */
    public Map<String, Integer> registerAll() {
        return register(EventCatalog.schemas());
    }

    public Map<String, Integer> register(List<Schema> schemas) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Schema schema : schemas) {
            String subject = schema.getFullName();
            send(configRequest(subject, levels.apply(subject)), subject);
            JsonNode answer = send(registerRequest(subject, schema), subject);
            ids.put(subject, answer.path("id").asInt());
        }
        return ids;
    }

    HttpRequest configRequest(String subject, CompatibilityLevel level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level.name());
        return HttpRequest.newBuilder(baseUrl.resolve("config/" + subject))
                .header("Content-Type", CONTENT_TYPE)
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    HttpRequest registerRequest(String subject, Schema schema) {
        return HttpRequest.newBuilder(baseUrl.resolve("subjects/" + subject + "/versions"))
                .header("Content-Type", CONTENT_TYPE)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(registerBody(schema)))
                .build();
    }

    String registerBody(Schema schema) {
        return json.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString()).toString();
    }

    private JsonNode send(HttpRequest request, String subject) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409) {
                throw new SchemaRegistrationException(subject, "the registry refused an incompatible schema: "
                        + response.body());
            }
            if (response.statusCode() / 100 != 2) {
                throw new SchemaRegistrationException(subject, request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("schema registry at " + baseUrl + " unreachable while registering "
                    + subject + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistrationException(subject, "interrupted");
        }
    }
}
