package dev.orderflow.orderstream.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Forwards a GET to another instance's API (interactive queries) and returns its answer unchanged. */
public final class PeerClient {

    private final HttpClient client;
    private final Duration timeout;

    public PeerClient(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** The peer's answer. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    public Answer get(String hostPort, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostPort + pathAndQuery))
                .timeout(timeout).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + hostPort + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryUnavailableException("interrupted while asking instance " + hostPort, e);
        }
    }
}
