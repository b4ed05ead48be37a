package dev.orderflow.sandbox.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads the sandbox's own figures over HTTP. One instance per sandbox; thread-safe. */
public final class SandboxAdminClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI calls;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** @param sandbox base URL of the provider sandbox */
    public SandboxAdminClient(URI sandbox) {
        this.calls = sandbox.resolve("/admin/calls");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /**
     * Every provider call since the sandbox started ({@code GET /admin/calls}).
     *
     * @throws IOException the sandbox did not answer, or not with 200
     */
    public CallCounts calls() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(calls).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET " + calls + " answered " + answer.statusCode());
        }
        return CallCounts.fromJson(json.readTree(answer.body()));
    }
}
