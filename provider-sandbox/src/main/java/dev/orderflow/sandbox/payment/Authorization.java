package dev.orderflow.sandbox.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An authorization as the gateway reports it. Immutable: a state change yields a new value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Authorization(String authorizationId, String orderId, String idempotencyKey, long amountMinor,
                            String currency, AuthorizationStatus status, Instant createdAt, Instant updatedAt,
                            String refundId, String reason) {

    Authorization voided(Instant at, String why) {
        return new Authorization(authorizationId, orderId, idempotencyKey, amountMinor, currency,
                AuthorizationStatus.VOIDED, createdAt, at, null, why);
    }

    Authorization refunded(Instant at, String newRefundId, String why) {
        return new Authorization(authorizationId, orderId, idempotencyKey, amountMinor, currency,
                AuthorizationStatus.REFUNDED, createdAt, at, newRefundId, why);
    }
}
