package dev.orderflow.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 *
 * <p>{@link #main} runs it as a build or operations step; see {@link RegisterSchemasCommand}.
 */
public final class SchemaRegistrar {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One subject to register: what {@code --dry-run} lists and what {@link #register} sends. */
    public record Registration(String subject, CompatibilityLevel level, Schema schema) {
    }

    /** Sends one request and returns the status and body: the seam that keeps the tests free of network I/O. */
    @FunctionalInterface
    interface Transport {
        Reply send(HttpRequest request) throws IOException, InterruptedException;

        record Reply(int status, String body) {
        }

        static Transport over(HttpClient http) {
            return request -> {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.body());
            };
        }
    }

    private final URI baseUrl;
    private final Function<String, CompatibilityLevel> levels;
    private final Transport transport;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param confluentApiUrl base URL of the Confluent API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}
     * @param levels          compatibility level per subject
     */
    public SchemaRegistrar(URI confluentApiUrl, Function<String, CompatibilityLevel> levels) {
        this(confluentApiUrl, levels,
                Transport.over(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()));
    }

    SchemaRegistrar(URI confluentApiUrl, Function<String, CompatibilityLevel> levels, Transport transport) {
        String url = confluentApiUrl.toString();
        this.baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
        this.levels = levels;
        this.transport = transport;
    }

    /** A registrar that sets the levels the build's compatibility gate checks. */
    public static SchemaRegistrar withPackagedLevels(URI confluentApiUrl) {
        return new SchemaRegistrar(confluentApiUrl, CompatibilityGate.packaged()::levelOf);
    }

    /** Registers every event type of the catalog: {@code --registry-url <url> [--dry-run]}; {@code --help}. */
    public static void main(String[] args) {
        System.exit(RegisterSchemasCommand.commandLine().execute(args));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** What registering these schemas does, in order, without sending anything. */
    public List<Registration> plan(List<Schema> schemas) {
        return schemas.stream()
                .map(schema -> new Registration(schema.getFullName(), levels.apply(schema.getFullName()), schema))
                .toList();
    }

    /** Registers every catalog schema; returns the registry's schema id per subject. */
    public Map<String, Integer> registerAll() {
        return register(EventCatalog.schemas());
    }

    /**
     * Sets each subject's compatibility level, then registers the schema under it. Registering a schema the subject
     * already holds is a no-op that returns the existing id.
     *
     * @throws SchemaRegistrationException when the registry refuses (409 for an incompatible schema) or fails
     */
    public Map<String, Integer> register(List<Schema> schemas) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Registration registration : plan(schemas)) {
            String subject = registration.subject();
            send(configRequest(subject, registration.level()), subject);
            JsonNode answer = send(registerRequest(subject, registration.schema()), subject);
            if (!answer.path("id").canConvertToInt()) {
                throw new SchemaRegistrationException(subject, "the registry answered without a schema id: " + answer);
            }
            ids.put(subject, answer.path("id").asInt());
        }
        return ids;
    }

    HttpRequest configRequest(String subject, CompatibilityLevel level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level.name());
        return request("config/" + subject).PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    HttpRequest registerRequest(String subject, Schema schema) {
        return request("subjects/" + subject + "/versions")
                .POST(HttpRequest.BodyPublishers.ofString(registerBody(schema))).build();
    }

    String registerBody(Schema schema) {
        return json.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString()).toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE)
                .timeout(REQUEST_TIMEOUT);
    }

    private JsonNode send(HttpRequest request, String subject) {
        Transport.Reply reply;
        try {
            reply = transport.send(request);
        } catch (IOException e) {
            throw new UncheckedIOException("schema registry at " + baseUrl + " unreachable while registering "
                    + subject + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistrationException(subject, "interrupted");
        }
        if (reply.status() == 409) {
            throw new SchemaRegistrationException(subject,
                    "the registry refused an incompatible schema (409): " + registryMessage(reply.body()));
        }
        if (reply.status() / 100 != 2) {
            throw new SchemaRegistrationException(subject, request.method() + " " + request.uri() + " answered "
                    + reply.status() + ": " + registryMessage(reply.body()));
        }
        try {
            return json.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new SchemaRegistrationException(subject, request.method() + " " + request.uri()
                    + " answered with something that is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The {@code message} of a Confluent error body ({@code {"error_code":409,"message":"..."}}), else the body. */
    private String registryMessage(String body) {
        try {
            JsonNode message = json.readTree(body).path("message");
            return message.isTextual() ? message.asText() : body;
        } catch (JsonProcessingException e) {
            return body;
        }
    }
}
