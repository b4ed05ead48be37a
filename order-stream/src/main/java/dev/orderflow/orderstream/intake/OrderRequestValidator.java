package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a parsed {@code POST /orders} body into an {@link OrderRequest}, or into the list of <em>every</em> bad
 * field (the 422 answer). Pure: no I/O, no clock.
 *
 * <p>It reads the JSON tree rather than binding a class with Jackson, because binding stops at the first type
 * mismatch and names it in Jackson's words; here a wrong type is just one more field error among the others.
 */
final class OrderRequestValidator {

    /** Either a valid request or the reasons it is not one. */
    sealed interface Result permits Valid, Invalid {
    }

    record Valid(OrderRequest request) implements Result {
    }

    record Invalid(List<FieldError> errors) implements Result {
        Invalid {
            errors = List.copyOf(errors);
        }
    }

    private static final Set<String> ORDER_FIELDS = Set.of("customerId", "lineItems", "currency", "totalMinor",
            "shippingAddress", "paymentMethodToken");
    private static final Set<String> LINE_FIELDS = Set.of("sku", "quantity", "unitPriceMinor");
    private static final Set<String> ADDRESS_FIELDS = Set.of("recipientName", "line1", "line2", "city",
            "postalCode", "region", "countryCode");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Validates a body that is a JSON object (anything else is a 400 before this point). */
    Result validate(JsonNode body) {
        if (!body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        BodyReader reader = new BodyReader();
        reader.rejectUnknownFields(body, "", ORDER_FIELDS);
        String customerId = reader.requiredText(body, "", "customerId");
        List<OrderRequest.Line> lines = lines(reader, body);
        String currency = currency(reader, body);
        Long totalMinor = reader.requiredWholeNumber(body, "", "totalMinor", 0, Long.MAX_VALUE);
        OrderRequest.Address address = address(reader, body);
        String token = PaymentTokens.check(reader, body);
        if (lines != null && totalMinor != null) {
            checkTotal(reader, lines, totalMinor);
        }
        if (reader.hasErrors()) {
            return new Invalid(reader.errors());
        }
        return new Valid(new OrderRequest(customerId, lines, currency, totalMinor, address, token));
    }

    /** The lines, or null when any of them (or the array itself) is bad. */
    private static List<OrderRequest.Line> lines(BodyReader reader, JsonNode body) {
        JsonNode array = reader.requiredArray(body, "", "lineItems");
        if (array == null) {
            return null;
        }
        if (array.isEmpty()) {
            reader.reject("lineItems", "must contain at least one item");
            return null;
        }
        List<OrderRequest.Line> lines = new ArrayList<>();
        boolean allValid = true;
        for (int i = 0; i < array.size(); i++) {
            OrderRequest.Line line = line(reader, array.get(i), "lineItems[" + i + "]");
            allValid &= line != null;
            lines.add(line);
        }
        return allValid ? lines : null;
    }

    private static OrderRequest.Line line(BodyReader reader, JsonNode node, String path) {
        if (!node.isObject()) {
            reader.reject(path, "must be an object");
            return null;
        }
        reader.rejectUnknownFields(node, path, LINE_FIELDS);
        String sku = reader.requiredText(node, path, "sku");
        Long quantity = reader.requiredWholeNumber(node, path, "quantity", 1, Integer.MAX_VALUE);
        Long unitPrice = reader.requiredWholeNumber(node, path, "unitPriceMinor", 0, Long.MAX_VALUE);
        if (sku == null || quantity == null || unitPrice == null) {
            return null;
        }
        return new OrderRequest.Line(sku, quantity.intValue(), unitPrice);
    }

    /** An ISO 4217 code with a minor unit: codes such as XXX (no currency) or XAU (gold) have none. */
    private static String currency(BodyReader reader, JsonNode body) {
        String code = reader.requiredText(body, "", "currency");
        if (code == null) {
            return null;
        }
        if (!code.matches("[A-Z]{3}") || !isCurrencyWithMinorUnit(code)) {
            reader.reject("currency", "must be an ISO 4217 currency code such as EUR");
            return null;
        }
        return code;
    }

    private static boolean isCurrencyWithMinorUnit(String code) {
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static OrderRequest.Address address(BodyReader reader, JsonNode body) {
        String path = "shippingAddress";
        JsonNode node = reader.requiredObject(body, "", path);
        if (node == null) {
            return null;
        }
        reader.rejectUnknownFields(node, path, ADDRESS_FIELDS);
        return new OrderRequest.Address(
                reader.requiredText(node, path, "recipientName"),
                reader.requiredText(node, path, "line1"),
                reader.optionalText(node, path, "line2"),
                reader.requiredText(node, path, "city"),
                reader.requiredText(node, path, "postalCode"),
                reader.optionalText(node, path, "region"),
                country(reader, node, path));
    }

    private static String country(BodyReader reader, JsonNode address, String path) {
        String code = reader.requiredText(address, path, "countryCode");
        if (code != null && !COUNTRIES.contains(code)) {
            reader.reject(path + ".countryCode", "must be an ISO 3166-1 alpha-2 country code such as DE");
            return null;
        }
        return code;
    }

    private static void checkTotal(BodyReader reader, List<OrderRequest.Line> lines, long totalMinor) {
        long sum = 0;
        try {
            for (OrderRequest.Line line : lines) {
                sum = Math.addExact(sum, Math.multiplyExact((long) line.quantity(), line.unitPriceMinor()));
            }
        } catch (ArithmeticException overflow) {
            reader.reject("lineItems", "the sum of quantity x unitPriceMinor is too large");
            return;
        }
        if (sum != totalMinor) {
            reader.reject("totalMinor", "must equal the sum of quantity x unitPriceMinor over lineItems ("
                    + sum + ")");
        }
    }
}
