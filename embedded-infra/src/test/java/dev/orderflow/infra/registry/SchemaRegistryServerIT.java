package dev.orderflow.infra.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.infra.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The registry built from Maven Central (jar from {@code orderflow.registry.jar}, set by the build) speaks the
 * Confluent API, enforces compatibility and leaves neither a process nor a bound port behind.
 */
class SchemaRegistryServerIT {

    private static final String SUBJECT = "it.registry.Probe-value";
    private static final String V1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"it.registry\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    /** A new field without a default: readers of v2 cannot read v1 data, so BACKWARD must refuse it. */
    private static final String V2_BREAKING = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"it.registry\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"giftWrap\",\"type\":\"boolean\"}]}";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void registersReadsBackRefusesIncompatibleChangesAndStopsCleanly() throws Exception {
        SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.builder().build());
        long pid = registry.pid();
        int port = registry.port();
        try (registry) {
            String api = registry.confluentApiUrl().toString();
            assertThat(api).isEqualTo("http://127.0.0.1:" + port + "/apis/ccompat/v7");
            assertThat(registry.registryApiUrl()).hasToString("http://127.0.0.1:" + port + "/apis/registry/v2");
            assertThat(get(api + "/subjects").body()).isEqualTo("[]");

            HttpResponse<String> registered = post(api + "/subjects/" + SUBJECT + "/versions", schemaBody(V1));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            String id = idOf(registered.body());

            HttpResponse<String> byId = get(api + "/schemas/ids/" + id);
            assertThat(byId.statusCode()).isEqualTo(200);
            assertThat(byId.body()).contains("\\\"name\\\":\\\"Probe\\\"", "\\\"namespace\\\":\\\"it.registry\\\"");

            HttpResponse<String> config = put(api + "/config/" + SUBJECT, "{\"compatibility\":\"BACKWARD\"}");
            assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
            HttpResponse<String> breaking = post(api + "/subjects/" + SUBJECT + "/versions", schemaBody(V2_BREAKING));
            assertThat(breaking.statusCode()).as(breaking.body()).isEqualTo(409);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("registry process").isFalse();
        assertThat(LoopbackPorts.isFree(port)).as("port " + port + " free").isTrue();
        registry.close(); // idempotent: a second close is harmless
    }

    private static String idOf(String registrationResponse) {
        Matcher matcher = ID.matcher(registrationResponse);
        assertThat(matcher.find()).as(registrationResponse).isTrue();
        return matcher.group(1);
    }

    private static String schemaBody(String schema) {
        return "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(String url, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Content-Type", "application/vnd.schemaregistry.v1+json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
