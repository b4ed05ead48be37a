package dev.orderflow.orderstream.intake;

import java.util.Objects;
import java.util.UUID;

/** One row of {@code order_intake}: what a key was first used for, and the answer it got. */
record IntakeRecord(IdempotencyKey key, RequestFingerprint fingerprint, UUID orderId, int responseStatus) {

    IntakeRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(orderId, "orderId");
    }
}
