package dev.orderflow.dlq.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An operator's order command before it becomes an Avro event: what, for which order, by whom and why, under the
 * command id that consumers deduplicate by (so sending it twice has one effect).
 *
 * @param action    {@link AuditAction#RESOLVE_PAYMENT}, {@link AuditAction#RETRY_SHIPPING} or
 *                  {@link AuditAction#CANCEL_ORDER}
 * @param details   command arguments: {@code outcome}, {@code reference}, {@code compensate}
 */
public record OperatorCommand(AuditAction action, String orderId, String commandId, String operator, String reason,
                              Instant at, Map<String, String> details) {

    public OperatorCommand {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        if (action.resolvesAs() != null) {
            throw new IllegalArgumentException(action + " is not an order command");
        }
        require(orderId, "an order id");
        require(commandId, "a command id");
        require(operator, "an operator");
        require(reason, "a reason (--reason)");
        details = Map.copyOf(new LinkedHashMap<>(details));
    }

    /** What the platform does when it receives the command, in the operator's words. */
    public String effect() {
        return switch (action) {
            case RESOLVE_PAYMENT -> "AUTHORIZED".equals(details.get("outcome"))
                    ? "payment-consumer records the payment of order " + orderId + " as AUTHORIZED (provider reference "
                            + details.get("reference") + "); the order leaves PAYMENT_PENDING and shipping starts."
                    : "payment-consumer records the payment of order " + orderId + " as FAILED (provider reference "
                            + details.get("reference") + "); compensation releases the stock and the order ends "
                            + "CANCELLED. No refund is issued: no money moved.";
            case RETRY_SHIPPING -> "shipping-consumer requests fulfillment of order " + orderId
                    + " again, under a new attempt; the order leaves BLOCKED/SHIPMENT_PENDING when the 3PL answers.";
            case CANCEL_ORDER -> "true".equals(details.get("compensate"))
                    ? "order " + orderId + " is cancelled and what was done is undone: stock released, payment voided "
                            + "or refunded. The order ends CANCELLED."
                    : "order " + orderId + " is cancelled WITHOUT compensation: reserved stock and any payment stay "
                            + "as they are and must be settled by hand. The order ends CANCELLED.";
            default -> throw new IllegalStateException(action.name());
        };
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
    }
}
