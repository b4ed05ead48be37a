package dev.orderflow.orderstream.intake;

import static dev.orderflow.orderstream.intake.OrderBodies.address;
import static dev.orderflow.orderstream.intake.OrderBodies.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderRequestValidatorTest {

    private final OrderRequestValidator validator = new OrderRequestValidator();

    @Test
    void aValidBodyBecomesTheRequest() {
        OrderRequestValidator.Result result = validator.validate(OrderBodies.valid());

        assertThat(result).isInstanceOf(OrderRequestValidator.Valid.class);
        OrderRequest request = ((OrderRequestValidator.Valid) result).request();
        assertThat(request.customerId()).isEqualTo("customer-7");
        assertThat(request.lineItems()).containsExactly(new OrderRequest.Line("SKU-1", 2, 1250),
                new OrderRequest.Line("SKU-2", 1, 499));
        assertThat(request.currency()).isEqualTo("EUR");
        assertThat(request.totalMinor()).isEqualTo(2999);
        assertThat(request.shippingAddress()).isEqualTo(new OrderRequest.Address("Ada Lovelace", "1 Main St", null,
                "Berlin", "10115", null, "DE"));
        assertThat(request.paymentMethodToken()).isEqualTo("tok_visa_4242");
    }

    @Test
    void optionalAddressFieldsAreKept() {
        ObjectNode body = OrderBodies.valid();
        address(body).put("line2", "Floor 3").put("region", "BE");

        OrderRequest request = ((OrderRequestValidator.Valid) validator.validate(body)).request();

        assertThat(request.shippingAddress().line2()).isEqualTo("Floor 3");
        assertThat(request.shippingAddress().region()).isEqualTo("BE");
    }

    @Test
    void aCurrencyWithoutMinorUnitsAndAFreeLineAreFine() {
        ObjectNode body = OrderBodies.valid();
        body.put("currency", "JPY");
        line(body, 1).put("unitPriceMinor", 0);
        body.put("totalMinor", 2500);

        assertThat(validator.validate(body)).isInstanceOf(OrderRequestValidator.Valid.class);
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("customerId missing", b -> b.remove("customerId"), "customerId", "is required"),
                bad("customerId null", b -> b.putNull("customerId"), "customerId", "is required"),
                bad("customerId blank", b -> b.put("customerId", "  "), "customerId", "must not be blank"),
                bad("customerId a number", b -> b.put("customerId", 7), "customerId", "must be a string"),
                bad("customerId too long", b -> b.put("customerId", "c".repeat(256)), "customerId",
                        "must be at most 255 characters"),
                bad("lineItems missing", b -> b.remove("lineItems"), "lineItems", "is required"),
                bad("lineItems empty", b -> b.putArray("lineItems"), "lineItems", "must contain at least one item"),
                bad("lineItems an object", b -> b.putObject("lineItems"), "lineItems", "must be an array"),
                bad("line not an object", b -> b.withArray("lineItems").set(0, b.textNode("SKU-1")), "lineItems[0]",
                        "must be an object"),
                bad("sku missing", b -> line(b, 0).remove("sku"), "lineItems[0].sku", "is required"),
                bad("quantity zero", b -> line(b, 1).put("quantity", 0), "lineItems[1].quantity",
                        "must be between 1 and 2147483647"),
                bad("quantity negative", b -> line(b, 0).put("quantity", -2), "lineItems[0].quantity",
                        "must be between 1 and 2147483647"),
                bad("quantity fractional", b -> line(b, 0).put("quantity", 1.5), "lineItems[0].quantity",
                        "must be a whole number"),
                bad("quantity as text", b -> line(b, 0).put("quantity", "2"), "lineItems[0].quantity",
                        "must be a whole number"),
                bad("quantity beyond int", b -> line(b, 0).put("quantity", 3_000_000_000L), "lineItems[0].quantity",
                        "must be between 1 and 2147483647"),
                bad("unit price negative", b -> line(b, 0).put("unitPriceMinor", -1), "lineItems[0].unitPriceMinor",
                        "must be between 0 and"),
                bad("unknown line field", b -> line(b, 0).put("colour", "red"), "lineItems[0].colour",
                        "is not a known field"),
                bad("currency lower case", b -> b.put("currency", "eur"), "currency", "ISO 4217"),
                bad("currency unknown", b -> b.put("currency", "ABC"), "currency", "ISO 4217"),
                bad("currency without minor unit", b -> b.put("currency", "XXX"), "currency", "ISO 4217"),
                bad("total missing", b -> b.remove("totalMinor"), "totalMinor", "is required"),
                bad("total wrong", b -> b.put("totalMinor", 3000), "totalMinor",
                        "must equal the sum of quantity x unitPriceMinor over lineItems (2999)"),
                bad("total negative", b -> b.put("totalMinor", -1), "totalMinor", "must be between 0 and"),
                bad("total overflows", b -> {
                    line(b, 0).put("quantity", Integer.MAX_VALUE).put("unitPriceMinor", Long.MAX_VALUE / 2);
                }, "lineItems", "too large"),
                bad("address missing", b -> b.remove("shippingAddress"), "shippingAddress", "is required"),
                bad("address a string", b -> b.put("shippingAddress", "Berlin"), "shippingAddress",
                        "must be an object"),
                bad("recipient missing", b -> address(b).remove("recipientName"), "shippingAddress.recipientName",
                        "is required"),
                bad("line1 blank", b -> address(b).put("line1", ""), "shippingAddress.line1", "must not be blank"),
                bad("city missing", b -> address(b).remove("city"), "shippingAddress.city", "is required"),
                bad("postal code missing", b -> address(b).remove("postalCode"), "shippingAddress.postalCode",
                        "is required"),
                bad("line2 a number", b -> address(b).put("line2", 3), "shippingAddress.line2", "must be a string"),
                bad("region blank", b -> address(b).put("region", " "), "shippingAddress.region",
                        "must not be blank"),
                bad("country unknown", b -> address(b).put("countryCode", "XX"), "shippingAddress.countryCode",
                        "ISO 3166-1 alpha-2"),
                bad("country alpha-3", b -> address(b).put("countryCode", "DEU"), "shippingAddress.countryCode",
                        "ISO 3166-1 alpha-2"),
                bad("unknown address field", b -> address(b).put("zip", "10115"), "shippingAddress.zip",
                        "is not a known field"),
                bad("token missing", b -> b.remove("paymentMethodToken"), "paymentMethodToken", "is required"),
                bad("token is a card number", b -> b.put("paymentMethodToken", "4242 4242 4242 4242"),
                        "paymentMethodToken", "never a card number"),
                bad("unknown field", b -> b.put("coupon", "SALE"), "coupon", "is not a known field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFields")
    void aBadFieldIsNamed(String name, Consumer<ObjectNode> change, String field, String message) {
        ObjectNode body = OrderBodies.valid();
        change.accept(body);

        List<FieldError> errors = errorsOf(body);

        assertThat(errors).as(name).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(message);
        });
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ObjectNode body = OrderBodies.valid();
        body.remove("customerId");
        line(body, 0).put("quantity", 0);
        line(body, 1).remove("sku");
        body.put("currency", "EURO");
        address(body).remove("city");
        address(body).put("countryCode", "Germany");
        body.put("paymentMethodToken", "");

        assertThat(errorsOf(body)).extracting(FieldError::field).containsExactlyInAnyOrder("customerId",
                "lineItems[0].quantity", "lineItems[1].sku", "currency", "shippingAddress.city",
                "shippingAddress.countryCode", "paymentMethodToken");
    }

    @Test
    void theTotalIsCheckedOnlyWhenEveryLineIsValid() {
        ObjectNode body = OrderBodies.valid();
        line(body, 0).put("quantity", 0);

        // A total check over a half-read list would add a second, misleading error.
        assertThat(errorsOf(body)).extracting(FieldError::field).containsExactly("lineItems[0].quantity");
    }

    @Test
    void messagesNeverEchoTheValue() {
        ObjectNode body = OrderBodies.valid();
        body.put("paymentMethodToken", "4111-1111-1111-1111");
        address(body).put("countryCode", "Narnia");

        assertThat(errorsOf(body)).allSatisfy(e -> assertThat(e.message()).doesNotContain("4111", "Narnia"));
    }

    @Test
    void aTokenThatIsOnlyDigitsButNotACardNumberIsFine() {
        assertThat(PaymentTokens.looksLikeCardNumber("4242424242424242")).isTrue();
        assertThat(PaymentTokens.looksLikeCardNumber("4242424242424241")).isFalse();
        assertThat(PaymentTokens.looksLikeCardNumber("tok_4242424242424242")).isFalse();
        assertThat(PaymentTokens.looksLikeCardNumber("123456")).isFalse();
    }

    private List<FieldError> errorsOf(ObjectNode body) {
        OrderRequestValidator.Result result = validator.validate(body);
        assertThat(result).isInstanceOf(OrderRequestValidator.Invalid.class);
        return ((OrderRequestValidator.Invalid) result).errors();
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String field, String message) {
        return Arguments.of(name, change, field, message);
    }
}
