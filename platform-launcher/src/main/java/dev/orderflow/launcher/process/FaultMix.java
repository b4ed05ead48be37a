package dev.orderflow.launcher.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider faults of a chaos run, installed in the sandbox with {@code PUT /admin/faults} on top of the
 * {@code none} profile: the same share of transient errors (5xx, not done) and of ambiguous timeouts where the
 * provider did the work (reply lost after the ledger entry) on every operation, and business rejections on the
 * create operations (reserve, authorize, accept).
 *
 * @param transientRate  share of calls answered 500/502, not done
 * @param ambiguousRate  share of calls done, then held and closed without an answer
 * @param rejectionRate  share of create calls refused with a business reason
 * @param holdMs         how long an ambiguous call is held before its connection closes
 * @param seed           seed of the sandbox's fault streams
 */
public record FaultMix(double transientRate, double ambiguousRate, double rejectionRate, int holdMs, long seed) {

    private static final List<String> OPERATIONS = List.of("stock.reserve", "stock.release", "stock.commit",
            "stock.status", "payment.authorize", "payment.void", "payment.refund", "payment.status",
            "fulfillment.accept", "fulfillment.status", "fulfillment.events");

    public FaultMix {
        if (transientRate < 0 || ambiguousRate < 0 || rejectionRate < 0
                || transientRate + ambiguousRate + rejectionRate > 1) {
            throw new IllegalArgumentException("fault rates must be 0..1 and sum to at most 1");
        }
    }

    /** The {@code PUT /admin/faults} body. */
    Map<String, Object> request() {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (String operation : OPERATIONS) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("transientErrorRate", transientRate);
            spec.put("lostReplyAfterWorkRate", ambiguousRate);
            spec.put("holdMs", holdMs);
            if (operation.endsWith(".reserve") || operation.endsWith(".authorize") || operation.endsWith(".accept")) {
                spec.put("rejectionRate", rejectionRate);
            }
            overrides.put(operation, spec);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("profile", "none");
        request.put("seed", seed);
        request.put("overrides", overrides);
        return request;
    }

    /** Installs the mix; fails with the sandbox's answer when it refuses it. */
    public void install(URI sandbox) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                sandbox.resolve("/admin/faults")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request()))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the sandbox refused the fault mix: " + response.statusCode() + " "
                    + response.body());
        }
    }
}
