package dev.orderflow.inventory.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.inventory.application.StockApi;
import dev.orderflow.inventory.application.StockRejection;
import dev.orderflow.inventory.domain.StockLine;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.provider.ProviderCallException;
import dev.orderflow.runtime.provider.ProviderClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stock API of provider-sandbox/README.md over HTTP (JSON), through the runtime's classifying client. */
public final class HttpStockApi implements StockApi {

    private static final String RESERVATIONS = "/stock/reservations";

    private final ProviderClient client;

    public HttpStockApi(ProviderClient client) {
        this.client = client;
    }

    @Override
    public Reservation reserve(String idempotencyKey, String orderId, List<StockLine> lines, Duration timeout) {
        Map<String, Object> body = Map.of("orderId", orderId, "lines", lines.stream()
                .map(l -> Map.of("sku", l.sku(), "quantity", l.quantity())).toList());
        try {
            return reservation(client.post("stock.reserve", RESERVATIONS, idempotencyKey, body, timeout));
        } catch (ProviderCallException e) {
            if (e.category() == FailureCategory.BUSINESS && e.reasonCode().isPresent()) {
                throw rejection(idempotencyKey, e, timeout);
            }
            throw e;
        }
    }

    @Override
    public KeyStatus reserveStatus(String idempotencyKey, Duration timeout) {
        Optional<JsonNode> status = client.statusByKey("stock.status",
                RESERVATIONS + "/by-key/" + encode(idempotencyKey), timeout);
        if (status.isEmpty()) {
            return new KeyStatus.Unknown();
        }
        JsonNode answer = status.get();
        if ("SUCCEEDED".equals(answer.path("outcome").asText())) {
            return new KeyStatus.Succeeded(reservation(answer.path("resource")));
        }
        JsonNode rejection = answer.path("rejection");
        return new KeyStatus.Rejected(new StockRejection(rejection.path("reason").asText("OTHER"),
                subjects(rejection), rejection.path("detail").asText(null)));
    }

    @Override
    public Reservation release(String reservationId, Duration timeout) {
        return reservation(client.post("stock.release", RESERVATIONS + "/" + encode(reservationId) + "/release", null,
                null, timeout));
    }

    @Override
    public Reservation commit(String reservationId, Duration timeout) {
        return reservation(client.post("stock.commit", RESERVATIONS + "/" + encode(reservationId) + "/commit", null,
                null, timeout));
    }

    /**
     * The client's exception has the reason code but not the SKUs the provider named; the provider remembers a
     * rejection under its key, so one status read fetches them. Best effort: without it the event names no SKUs.
     */
    private StockRejection rejection(String idempotencyKey, ProviderCallException e, Duration timeout) {
        List<String> subjects = List.of();
        String detail = e.getMessage();
        try {
            KeyStatus status = reserveStatus(idempotencyKey, timeout);
            if (status instanceof KeyStatus.Rejected rejected) {
                subjects = rejected.rejection().subjects();
                detail = rejected.rejection().detail();
            }
        } catch (RuntimeException lookupFailed) {
            e.addSuppressed(lookupFailed);
        }
        return new StockRejection(e.reasonCode().orElse("OTHER"), subjects, detail, e);
    }

    private static Reservation reservation(JsonNode node) {
        String expires = node.path("expiresAt").asText(null);
        return new Reservation(node.path("reservationId").asText(), node.path("status").asText(),
                expires == null ? null : Instant.parse(expires));
    }

    private static List<String> subjects(JsonNode rejection) {
        List<String> subjects = new ArrayList<>();
        rejection.path("subjects").forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
