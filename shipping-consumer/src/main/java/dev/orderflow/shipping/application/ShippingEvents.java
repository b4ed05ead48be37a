package dev.orderflow.shipping.application;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentProgressed;
import dev.orderflow.events.FulfillmentStage;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.events.ShipmentAccepted;
import dev.orderflow.events.ShipmentPending;
import dev.orderflow.events.ShipmentRejected;
import dev.orderflow.events.ShipmentRejectionReason;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.shipping.domain.ShippingState;
import java.time.Instant;

/** The Avro events the shipping stage announces, built from plain values. */
final class ShippingEvents {

    private ShippingEvents() {
    }

    /**
     * Metadata of an event the stage announces for the order in {@code state}: chained to what is being handled,
     * at the shipping attempt, and under the workflow's correlation id even when deferred work caused it.
     */
    static EventMetadata metadata(StageContext context, ShippingState state) {
        EventMetadata metadata = context.newMetadata(state.attempt());
        return state.correlationId() == null ? metadata
                : EventMetadata.newBuilder(metadata).setCorrelationId(state.correlationId()).build();
    }

    static ShipmentAccepted accepted(EventMetadata metadata, String shipmentId) {
        return ShipmentAccepted.newBuilder().setMetadata(metadata).setShipmentId(shipmentId).build();
    }

    static ShipmentRejected rejected(EventMetadata metadata, ShipmentRefusal refusal) {
        return ShipmentRejected.newBuilder().setMetadata(metadata).setReasonCode(rejectionReason(refusal.reasonCode()))
                .setDetail(refusal.detail()).build();
    }

    static ShipmentPending pending(EventMetadata metadata, String reason, Instant nextCheckAt) {
        return ShipmentPending.newBuilder().setMetadata(metadata).setReason(reason).setNextCheckAt(nextCheckAt).build();
    }

    static FulfillmentProgressed progressed(EventMetadata metadata, FulfillmentApi.Shipment shipment, String stage) {
        boolean handedOver = !"PICKED".equals(stage) && !"PACKED".equals(stage);
        return FulfillmentProgressed.newBuilder().setMetadata(metadata).setShipmentId(shipment.shipmentId())
                .setStage(stage(stage))
                .setCarrier(handedOver ? shipment.carrier() : null)
                .setTrackingNumber(handedOver ? shipment.trackingNumber() : null)
                .setExceptionReason("EXCEPTION".equals(stage) ? shipment.exceptionReason() : null)
                .build();
    }

    static OrderEscalated escalated(EventMetadata metadata, String stuckState, Instant since, Instant deadline,
            String reason) {
        return OrderEscalated.newBuilder().setMetadata(metadata).setStuckState(stuckState).setStuckSince(since)
                .setDeadline(deadline).setReason(reason).build();
    }

    /** A reason code this service does not know becomes OTHER, as readers of the enum do. */
    static ShipmentRejectionReason rejectionReason(String code) {
        for (ShipmentRejectionReason reason : ShipmentRejectionReason.values()) {
            if (reason.name().equals(code)) {
                return reason;
            }
        }
        return ShipmentRejectionReason.OTHER;
    }

    static FulfillmentStage stage(String code) {
        for (FulfillmentStage stage : FulfillmentStage.values()) {
            if (stage.name().equals(code)) {
                return stage;
            }
        }
        return FulfillmentStage.EXCEPTION;
    }
}
