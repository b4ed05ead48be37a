package dev.orderflow.infra.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.infra.LoopbackPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The registry built from Maven Central speaks the Confluent API, enforces compatibility and stops cleanly. */
class SchemaRegistryServerIT {

    private static final String V1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"it\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
    private static final String V2_BREAKING = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"it\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"giftWrap\",\"type\":\"boolean\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registersSchemasRefusesIncompatibleOnesAndStopsCleanly() throws Exception {
        SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.builder().build());
        long pid = registry.pid();
        int port = registry.port();
        try (registry) {
            String api = registry.confluentApiUrl().toString();
            HttpResponse<String> registered = post(api + "/subjects/it.Probe/versions", schemaBody(V1));
            assertThat(registered.statusCode()).isEqualTo(200);
            String id = registered.body().replaceAll("\\D+", "");

            HttpResponse<String> byId = get(api + "/schemas/ids/" + id);
            assertThat(byId.body()).contains("Probe");

            assertThat(put(api + "/config/it.Probe", "{\"compatibility\":\"BACKWARD\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> breaking = post(api + "/subjects/it.Probe/versions", schemaBody(V2_BREAKING));
            assertThat(breaking.statusCode()).as(breaking.body()).isEqualTo(409);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(LoopbackPorts.isFree(port)).isTrue();
    }

    private static String schemaBody(String schema) {
        return "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> put(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Content-Type", "application/vnd.schemaregistry.v1+json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
