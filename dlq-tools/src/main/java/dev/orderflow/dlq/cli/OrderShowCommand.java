package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.config.OpsConfig;
import dev.orderflow.dlq.format.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "An order's state and timeline, from the order API (GET {api}/orders/{id}).",
        footerHeading = "%nExamples:%n",
        footer = {"  orderflow-ops orders show o-1842 --api-url http://order-stream:8080"})
final class OrderShowCommand extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ORDER_ID", description = "The order.")
    String orderId;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "Order API base URL (order.api.url; env ORDERFLOW_OPS_ORDER_API_URL; default http://localhost:8080).")
    String apiUrl;

    OrderShowCommand(OpsContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        OpsConfig config = connection.load(context, apiUrl == null ? Map.of() : Map.of(OpsConfig.ORDER_API_URL, apiUrl));
        URI uri = URI.create(config.orderApiUrl() + "/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8));
        HttpResponse<String> response = get(uri, config);
        if (response.statusCode() == 404) {
            throw OpsException.notFound("order " + orderId + " not found at " + uri + ": check the id (the record key "
                    + "in 'dlq show')");
        }
        if (response.statusCode() / 100 != 2) {
            throw OpsException.failed("the order API answered " + response.statusCode() + " for " + uri + ": "
                    + firstLine(response.body()), null);
        }
        out().println(Json.pretty(Json.parseOrText(response.body())));
        out().flush();
        return 0;
    }

    private static HttpResponse<String> get(URI uri, OpsConfig config) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Accept", "application/json").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw OpsException.unreachable("cannot reach the order API at " + uri + " (" + e + "): check --api-url "
                    + "(ORDERFLOW_OPS_ORDER_API_URL) and that order-stream is up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsException.failed("interrupted", e);
        }
    }

    private static String firstLine(String body) {
        String line = body == null ? "" : body.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
