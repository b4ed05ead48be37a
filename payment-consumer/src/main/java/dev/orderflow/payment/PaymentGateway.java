package dev.orderflow.payment;

import java.time.Duration;
import java.util.Optional;

/**
 * The payment provider as the payment stage needs it. Implementations throw
 * {@link dev.orderflow.runtime.failure.ClassifiedException}s (declines are {@code BUSINESS} with the decline reason
 * code; timeouts after sending are {@code AMBIGUOUS}).
 */
public interface PaymentGateway {

    /** Authorizes (charges, as the customer sees it) under an idempotency key. */
    Authorization authorize(String idempotencyKey, AuthorizationRequest request, Duration timeout);

    /**
     * What became of an authorize call with this key; empty when no call with it took effect (a retry under the same
     * key is then safe). Answers after the key's retention ended too, which is what makes late retries safe.
     */
    Optional<KeyStatus> statusByKey(String idempotencyKey, Duration timeout);

    /** Voids an authorization (idempotent). */
    Authorization voidAuthorization(String authorizationId, String reason, Duration timeout);

    record AuthorizationRequest(String orderId, long amountMinor, String currency, String paymentMethodToken) {
    }

    record Authorization(String authorizationId, String status) {
    }

    /**
     * @param outcome    SUCCEEDED or REJECTED
     * @param executions how many times the provider ran the work under this key (more than one means the key was
     *                   reused after it expired: a duplicate charge)
     */
    record KeyStatus(String outcome, Authorization authorization, String rejectionReason, String rejectionDetail,
            int executions) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(outcome);
        }
    }
}
