package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The order API as a client sees it: {@code POST /orders} (intake) and {@code GET /orders/{id}} (read model). */
final class OrderApi {

    private final JsonHttp http = new JsonHttp();
    private final URI base;

    OrderApi(URI base) {
        this.base = base;
    }

    /** An order a checkout would post; change what a scenario needs with {@link #with}. */
    static Map<String, Object> order(String sku, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", "customer-e2e");
        body.put("lineItems", List.of(Map.of("sku", sku, "quantity", quantity, "unitPriceMinor", 1250)));
        body.put("currency", "EUR");
        body.put("totalMinor", 1250 * quantity);
        body.put("shippingAddress", address("DE"));
        body.put("paymentMethodToken", "tok_visa_e2e");
        return body;
    }

    static Map<String, Object> address(String countryCode) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("recipientName", "Ada Lovelace");
        address.put("line1", "Unter den Linden 1");
        address.put("city", "Berlin");
        address.put("postalCode", "10117");
        address.put("countryCode", countryCode);
        return address;
    }

    static Map<String, Object> with(Map<String, Object> order, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(order);
        changed.put(field, value);
        return changed;
    }

    /** Places the order under a fresh idempotency key and returns the order id the API assigned. */
    String place(Map<String, Object> order) {
        JsonHttp.Answer answer = http.send("POST", base.resolve("/orders"), order,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(answer.status()).as("POST /orders answered %s", answer.body()).isEqualTo(202);
        return answer.body().path("orderId").asText();
    }

    /** The order's view, or empty while order-stream has not seen it (404) or is rebalancing (503). */
    Optional<JsonNode> view(String orderId) {
        JsonHttp.Answer answer = http.get(base.resolve("/orders/" + orderId));
        if (answer.status() == 404 || answer.status() == 503) {
            return Optional.empty();
        }
        assertThat(answer.status()).as("GET /orders/%s answered %s", orderId, answer.body()).isEqualTo(200);
        return Optional.of(answer.body());
    }

    String state(String orderId) {
        return view(orderId).map(v -> v.path("state").asText()).orElse("(unknown)");
    }

    /** The states the order went through, from its timeline (an event that did not move it adds nothing). */
    static List<String> states(JsonNode view) {
        List<String> states = new ArrayList<>();
        for (JsonNode transition : view.path("timeline")) {
            String to = transition.path("to").asText();
            if (states.isEmpty() || !states.get(states.size() - 1).equals(to)) {
                states.add(to);
            }
        }
        return states;
    }

    /** The event types of the timeline, in order. */
    static List<String> events(JsonNode view) {
        List<String> events = new ArrayList<>();
        view.path("timeline").forEach(t -> events.add(t.path("eventType").asText()));
        return events;
    }
}
