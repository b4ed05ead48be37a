package dev.orderflow.sandbox.fulfillment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A shipment as the fulfillment provider reports it. Immutable: progress yields a new value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Shipment(String shipmentId, String orderId, String idempotencyKey, Address address,
                       List<ShipmentItem> items, ShipmentStage stage, Instant acceptedAt, Instant updatedAt,
                       String carrier, String trackingNumber, String exceptionReason) {

    public Shipment {
        items = List.copyOf(items);
    }

    Shipment reached(FulfillmentEvent event) {
        return new Shipment(shipmentId, orderId, idempotencyKey, address, items, event.stage(), acceptedAt,
                event.at(), event.carrier() != null ? event.carrier() : carrier,
                event.trackingNumber() != null ? event.trackingNumber() : trackingNumber, event.exceptionReason());
    }
}
