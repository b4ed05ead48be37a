package dev.orderflow.inventory.application;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.InventoryCommitted;
import dev.orderflow.events.InventoryPending;
import dev.orderflow.events.InventoryRejected;
import dev.orderflow.events.InventoryRejectionReason;
import dev.orderflow.events.InventoryReleased;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.events.ReleaseReason;
import dev.orderflow.inventory.domain.InventoryState;
import dev.orderflow.runtime.consumer.StageContext;
import java.time.Instant;

/** The Avro events the inventory stage announces, built from plain values. */
final class InventoryEvents {

    private InventoryEvents() {
    }

    /**
     * Metadata of an event the stage announces for the order in {@code state}: chained to what is being handled,
     * at the stage's attempt, and under the workflow's correlation id even when deferred work caused it.
     */
    static EventMetadata metadata(StageContext context, InventoryState state) {
        EventMetadata metadata = context.newMetadata(Math.max(1, state.attempt()));
        return state.correlationId() == null ? metadata
                : EventMetadata.newBuilder(metadata).setCorrelationId(state.correlationId()).build();
    }

    static InventoryReserved reserved(EventMetadata metadata, StockApi.Reservation reservation) {
        return InventoryReserved.newBuilder().setMetadata(metadata).setReservationId(reservation.reservationId())
                .setExpiresAt(reservation.expiresAt()).build();
    }

    static InventoryRejected rejected(EventMetadata metadata, StockRejection rejection) {
        return InventoryRejected.newBuilder().setMetadata(metadata)
                .setReasonCode(rejectionReason(rejection.reasonCode())).setUnavailableSkus(rejection.subjects())
                .setDetail(rejection.detail()).build();
    }

    static InventoryPending pending(EventMetadata metadata, String reason, Instant nextCheckAt) {
        return InventoryPending.newBuilder().setMetadata(metadata).setReason(reason).setNextCheckAt(nextCheckAt)
                .build();
    }

    static InventoryReleased released(EventMetadata metadata, String reservationId, String reason, String detail) {
        return InventoryReleased.newBuilder().setMetadata(metadata).setReservationId(reservationId)
                .setReason(releaseReason(reason)).setDetail(detail).build();
    }

    static InventoryCommitted committed(EventMetadata metadata, String reservationId) {
        return InventoryCommitted.newBuilder().setMetadata(metadata).setReservationId(reservationId).build();
    }

    static OrderEscalated escalated(EventMetadata metadata, String stuckState, Instant since, Instant deadline,
            String reason) {
        return OrderEscalated.newBuilder().setMetadata(metadata).setStuckState(stuckState).setStuckSince(since)
                .setDeadline(deadline).setReason(reason).build();
    }

    /** The provider's reason code as the Avro enum; a code this service does not know becomes OTHER, as readers do. */
    static InventoryRejectionReason rejectionReason(String code) {
        for (InventoryRejectionReason reason : InventoryRejectionReason.values()) {
            if (reason.name().equals(code)) {
                return reason;
            }
        }
        return InventoryRejectionReason.OTHER;
    }

    static ReleaseReason releaseReason(String code) {
        for (ReleaseReason reason : ReleaseReason.values()) {
            if (reason.name().equals(code)) {
                return reason;
            }
        }
        return ReleaseReason.OTHER;
    }
}
