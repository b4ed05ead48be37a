package dev.orderflow.inventory.application;

import dev.orderflow.inventory.domain.StockLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The stock provider as the inventory stage needs it. Every method either answers or throws a
 * {@link dev.orderflow.runtime.failure.ClassifiedException} whose category says how the call ended (a business
 * refusal of a reserve is a {@link StockRejection}); {@code timeout} bounds one call.
 */
public interface StockApi {

    Reservation reserve(String idempotencyKey, String orderId, List<StockLine> lines, Duration timeout);

    /** What became of the reserve call with this key. */
    KeyStatus reserveStatus(String idempotencyKey, Duration timeout);

    /** Idempotent: a released or expired reservation is returned unchanged. */
    Reservation release(String reservationId, Duration timeout);

    /** Idempotent: a committed reservation is returned unchanged. */
    Reservation commit(String reservationId, Duration timeout);

    /** A reservation as the provider holds it; {@code status} is RESERVED, COMMITTED, RELEASED or EXPIRED. */
    record Reservation(String reservationId, String status, Instant expiresAt) {

        public boolean live() {
            return "RESERVED".equals(status) || "COMMITTED".equals(status);
        }
    }

    /** The provider's answer to a status query by idempotency key. */
    sealed interface KeyStatus {
        /** The reserve took effect; {@code reservation} is its current state. */
        record Succeeded(Reservation reservation) implements KeyStatus {
        }

        /** The reserve was refused with a business reason. */
        record Rejected(StockRejection rejection) implements KeyStatus {
        }

        /** No reserve with this key took effect: retrying with it is safe. */
        record Unknown() implements KeyStatus {
        }
    }
}
