package dev.orderflow.payment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.runtime.provider.ProviderClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** {@link PaymentGateway} over the payment gateway's HTTP API (provider-sandbox/README.md, "Payment gateway"). */
public final class HttpPaymentGateway implements PaymentGateway {

    private final ProviderClient http;

    public HttpPaymentGateway(ProviderClient http) {
        this.http = http;
    }

    @Override
    public Authorization authorize(String key, AuthorizationRequest request, Duration timeout) {
        JsonNode body = http.post("payment.authorize", "/payments/authorizations", key,
                Map.of("orderId", request.orderId(), "amountMinor", request.amountMinor(),
                        "currency", request.currency(), "paymentMethodToken", request.paymentMethodToken()),
                timeout);
        return authorization(body);
    }

    @Override
    public Optional<KeyStatus> statusByKey(String key, Duration timeout) {
        return http.statusByKey("payment.status", "/payments/authorizations/by-key/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8), timeout).map(body -> new KeyStatus(
                body.path("outcome").asText(),
                body.hasNonNull("resource") ? authorization(body.path("resource")) : null,
                body.path("rejection").path("reason").asText(null),
                body.path("rejection").path("detail").asText(null),
                body.path("executions").asInt(1)));
    }

    @Override
    public Authorization voidAuthorization(String authorizationId, String reason, Duration timeout) {
        return authorization(http.post("payment.void", "/payments/authorizations/"
                + URLEncoder.encode(authorizationId, StandardCharsets.UTF_8) + "/void", null,
                Map.of("reason", reason), timeout));
    }

    private static Authorization authorization(JsonNode body) {
        return new Authorization(body.path("authorizationId").asText(), body.path("status").asText());
    }
}
