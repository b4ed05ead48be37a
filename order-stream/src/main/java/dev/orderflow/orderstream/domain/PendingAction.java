package dev.orderflow.orderstream.domain;

import java.time.Instant;

/** Work the order waits for, with when it is due if the event said so. */
public record PendingAction(Kind kind, Instant dueAt) {

    public enum Kind {
        INVENTORY_STATUS_CHECK,
        PAYMENT_STATUS_CHECK,
        SHIPMENT_RETRY,
        /** Compensation: the reservation has to be released. */
        RELEASE_INVENTORY,
        /** Compensation: the authorization has to be voided or the money refunded. */
        REVERSE_PAYMENT,
        OPERATOR_DECISION;

        boolean compensation() {
            return this == RELEASE_INVENTORY || this == REVERSE_PAYMENT;
        }
    }

    public static PendingAction of(Kind kind) {
        return new PendingAction(kind, null);
    }
}
