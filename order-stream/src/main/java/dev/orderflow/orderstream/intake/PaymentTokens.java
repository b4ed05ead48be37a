package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payment method token check. The token must come from the payment provider; a client that sends a card
 * number instead would put card data into events and logs (which the schema forbids), so anything that looks
 * like one (13 to 19 digits, spaces or dashes allowed, passing the Luhn check) is refused.
 */
final class PaymentTokens {

    static final String FIELD = "paymentMethodToken";

    private PaymentTokens() {
    }

    static String check(BodyReader reader, JsonNode body) {
        String token = reader.requiredText(body, "", FIELD);
        if (token != null && looksLikeCardNumber(token)) {
            reader.reject(FIELD, "must be a token issued by the payment provider, never a card number");
            return null;
        }
        return token;
    }

    static boolean looksLikeCardNumber(String value) {
        String digits = value.replaceAll("[ -]", "");
        return digits.matches("[0-9]{13,19}") && passesLuhn(digits);
    }

    private static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
