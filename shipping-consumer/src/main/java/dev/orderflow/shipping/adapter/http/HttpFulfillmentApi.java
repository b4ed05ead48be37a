package dev.orderflow.shipping.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.provider.ProviderCallException;
import dev.orderflow.runtime.provider.ProviderClient;
import dev.orderflow.shipping.application.FulfillmentApi;
import dev.orderflow.shipping.application.ShipmentRefusal;
import dev.orderflow.shipping.domain.ShipAddress;
import dev.orderflow.shipping.domain.ShipItem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fulfillment API of provider-sandbox/README.md over HTTP (JSON), through the runtime's classifying client. */
public final class HttpFulfillmentApi implements FulfillmentApi {

    private static final String SHIPMENTS = "/fulfillment/shipments";

    private final ProviderClient client;

    public HttpFulfillmentApi(ProviderClient client) {
        this.client = client;
    }

    @Override
    public Shipment accept(String idempotencyKey, String orderId, ShipAddress address, List<ShipItem> items,
            Duration timeout) {
        Map<String, Object> body = Map.of("orderId", orderId, "address", address(address),
                "items", items.stream().map(i -> Map.of("sku", i.sku(), "quantity", i.quantity())).toList());
        try {
            return shipment(client.post("fulfillment.accept", SHIPMENTS, idempotencyKey, body, timeout));
        } catch (ProviderCallException e) {
            if (e.category() == FailureCategory.BUSINESS && e.reasonCode().isPresent()) {
                throw new ShipmentRefusal(e.reasonCode().get(), e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public KeyStatus acceptStatus(String idempotencyKey, Duration timeout) {
        Optional<JsonNode> status = client.statusByKey("fulfillment.status",
                SHIPMENTS + "/by-key/" + encode(idempotencyKey), timeout);
        if (status.isEmpty()) {
            return new KeyStatus.Unknown();
        }
        JsonNode answer = status.get();
        if ("SUCCEEDED".equals(answer.path("outcome").asText())) {
            return new KeyStatus.Accepted(shipment(answer.path("resource")));
        }
        JsonNode rejection = answer.path("rejection");
        return new KeyStatus.Rejected(new ShipmentRefusal(rejection.path("reason").asText("OTHER"),
                rejection.path("detail").asText(null), null));
    }

    @Override
    public Shipment shipment(String shipmentId, Duration timeout) {
        return shipment(client.get("fulfillment.status", SHIPMENTS + "/" + encode(shipmentId), timeout));
    }

    /** The address in the shape of the Avro {@code ShippingAddress}, nulls included. */
    private static Map<String, Object> address(ShipAddress a) {
        Map<String, Object> map = new HashMap<>();
        map.put("recipientName", a.recipientName());
        map.put("line1", a.line1());
        map.put("line2", a.line2());
        map.put("city", a.city());
        map.put("postalCode", a.postalCode());
        map.put("region", a.region());
        map.put("countryCode", a.countryCode());
        return map;
    }

    private static Shipment shipment(JsonNode node) {
        return new Shipment(node.path("shipmentId").asText(), node.path("stage").asText(),
                node.path("carrier").asText(null), node.path("trackingNumber").asText(null),
                node.path("exceptionReason").asText(null));
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
