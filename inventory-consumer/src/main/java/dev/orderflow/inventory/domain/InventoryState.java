package dev.orderflow.inventory.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The inventory stage's view of one order, stored as JSON by the runtime. Everything a deferred retry or re-check
 * needs is here (the lines are kept so a retry sends the very same request under the same idempotency key, which
 * the provider would otherwise refuse as a reused key).
 *
 * @param attempt        the stage attempt: the idempotency key's version
 * @param since          when the work still open began; the escalation deadline counts from it
 * @param releaseReason  why a release was asked for (a {@code ReleaseReason} symbol), or null
 * @param escalated      operators were called; nothing is retried any more until an event arrives
 * @param correlationId  the workflow's correlation id, carried into events caused by deferred work (which the
 *                       runtime runs without the original event at hand)
 * @param supersededKeys reserve keys of earlier attempts whose outcome was still unknown when a later attempt of the
 *                       order arrived: whatever they reserved is released, the later attempt wins
 */
public record InventoryState(InventoryStatus status, int attempt, List<StockLine> lines, String reservationId,
        Instant expiresAt, Instant since, String releaseReason, String releaseDetail, boolean escalated,
        List<String> supersededKeys, String correlationId) {

    public InventoryState {
        Objects.requireNonNull(status, "status");
        lines = lines == null ? List.of() : List.copyOf(lines);
        supersededKeys = supersededKeys == null ? List.of() : List.copyOf(supersededKeys);
    }

    /** An order seen for the first time, before the reserve call. */
    public static InventoryState placed(int attempt, List<StockLine> lines, Instant now, String correlationId) {
        return new InventoryState(InventoryStatus.RETRY_SCHEDULED, attempt, lines, null, null, now, null, null, false,
                List.of(), correlationId);
    }

    /** A cancel or decline that arrived before the order. */
    public static InventoryState cancelledBeforePlaced(String reason, String detail, Instant now,
            String correlationId) {
        return new InventoryState(InventoryStatus.CANCELLED_BEFORE_PLACED, 0, List.of(), null, null, now, reason,
                detail, false, List.of(), correlationId);
    }

    /** The provider's idempotency key of this order's reserve call at this attempt. */
    public String reserveKey(String orderId) {
        return ReservationKeys.reserve(orderId, attempt);
    }

    public boolean releaseRequested() {
        return releaseReason != null;
    }

    public Instant deadline(Duration escalationDeadline) {
        return since.plus(escalationDeadline);
    }

    public InventoryState withStatus(InventoryStatus next) {
        return new InventoryState(next, attempt, lines, reservationId, expiresAt, since, releaseReason, releaseDetail,
                escalated, supersededKeys, correlationId);
    }

    /** Moves to a new status whose open work starts now (the deadline counts afresh). */
    public InventoryState startingWork(InventoryStatus next, Instant now) {
        return new InventoryState(next, attempt, lines, reservationId, expiresAt, now, releaseReason, releaseDetail,
                false, supersededKeys, correlationId);
    }

    public InventoryState reserved(String id, Instant expires) {
        return new InventoryState(InventoryStatus.RESERVED, attempt, lines, id, expires, since, releaseReason,
                releaseDetail, false, supersededKeys, correlationId);
    }

    public InventoryState releaseRequested(String reason, String detail) {
        return new InventoryState(status, attempt, lines, reservationId, expiresAt, since, reason, detail, escalated,
                supersededKeys, correlationId);
    }

    public InventoryState escalatedNow() {
        return new InventoryState(status, attempt, lines, reservationId, expiresAt, since, releaseReason,
                releaseDetail, true, supersededKeys, correlationId);
    }

    /** A new attempt under a new key version: only after the previous one definitely has no live effect. */
    public InventoryState nextAttempt(Instant now) {
        return new InventoryState(InventoryStatus.RETRY_SCHEDULED, attempt + 1, lines, null, null, now, releaseReason,
                releaseDetail, false, supersededKeys, correlationId);
    }

    /**
     * A later attempt of the order (a re-submission) takes over while this attempt's outcome is unknown: its key
     * is kept for a clean-up that releases whatever it reserved.
     */
    public InventoryState supersededBy(int newAttempt, List<StockLine> newLines, String orderId, Instant now) {
        List<String> keys = new ArrayList<>(supersededKeys);
        keys.add(reserveKey(orderId));
        return new InventoryState(InventoryStatus.RETRY_SCHEDULED, newAttempt, newLines, null, null, now,
                releaseReason, releaseDetail, false, keys, correlationId);
    }

    public InventoryState withSupersededKeys(List<String> keys) {
        return new InventoryState(status, attempt, lines, reservationId, expiresAt, since, releaseReason,
                releaseDetail, escalated, keys, correlationId);
    }
}
