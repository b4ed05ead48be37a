package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** Order request bodies for tests: a valid one, and variants of it. */
final class OrderBodies {

    static final String VALID = """
            {
              "customerId": "customer-7",
              "lineItems": [
                {"sku": "SKU-1", "quantity": 2, "unitPriceMinor": 1250},
                {"sku": "SKU-2", "quantity": 1, "unitPriceMinor": 499}
              ],
              "currency": "EUR",
              "totalMinor": 2999,
              "shippingAddress": {
                "recipientName": "Ada Lovelace",
                "line1": "1 Main St",
                "city": "Berlin",
                "postalCode": "10115",
                "countryCode": "DE"
              },
              "paymentMethodToken": "tok_visa_4242"
            }
            """;

    private static final ObjectMapper MAPPER = IntakeJson.newMapper();

    private OrderBodies() {
    }

    static ObjectNode valid() {
        try {
            return (ObjectNode) MAPPER.readTree(VALID);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid body changed by {@code change}, as JSON text. */
    static String with(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return body.toString();
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode line(ObjectNode body, int index) {
        return (ObjectNode) body.withArray("lineItems").get(index);
    }

    static ObjectNode address(ObjectNode body) {
        return (ObjectNode) body.get("shippingAddress");
    }
}
