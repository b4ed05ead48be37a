package dev.orderflow.sandbox.payment;

import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Requests;
import java.util.regex.Pattern;

/**
 * Authorize an amount on a payment method token.
 *
 * @param orderId            the order paid for
 * @param amountMinor        amount in minor units of the currency, at least 1
 * @param currency           ISO 4217 code, three capital letters
 * @param paymentMethodToken the customer's token; some test tokens are always declined (see the README)
 */
public record AuthorizeRequest(String orderId, Long amountMinor, String currency, String paymentMethodToken) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public AuthorizeRequest {
        Requests.requireText("orderId", orderId);
        if (Requests.requirePresent("amountMinor", amountMinor) < 1) {
            throw ProviderException.invalidRequest("Field amountMinor must be at least 1, was " + amountMinor);
        }
        if (!CURRENCY.matcher(Requests.requireText("currency", currency)).matches()) {
            throw ProviderException.invalidRequest("Field currency must be an ISO 4217 code such as EUR, was "
                    + currency);
        }
        Requests.requireText("paymentMethodToken", paymentMethodToken);
    }
}
