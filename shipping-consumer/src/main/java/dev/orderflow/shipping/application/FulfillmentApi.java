package dev.orderflow.shipping.application;

import dev.orderflow.shipping.domain.ShipAddress;
import dev.orderflow.shipping.domain.ShipItem;
import java.time.Duration;
import java.util.List;

/**
 * The fulfillment (3PL) provider as the shipping stage needs it. Every method answers or throws a
 * {@link dev.orderflow.runtime.failure.ClassifiedException} whose category says how the call ended (a business
 * refusal of a request is a {@link ShipmentRefusal}); {@code timeout} bounds one call.
 */
public interface FulfillmentApi {

    /** Asks the provider to accept a shipment; acceptance, not delivery. */
    Shipment accept(String idempotencyKey, String orderId, ShipAddress address, List<ShipItem> items,
            Duration timeout);

    /** What became of the request with this key. */
    KeyStatus acceptStatus(String idempotencyKey, Duration timeout);

    /** The shipment's current stage. */
    Shipment shipment(String shipmentId, Duration timeout);

    /**
     * A shipment as the provider holds it; {@code stage} is ACCEPTED, PICKED, PACKED, HANDED_TO_CARRIER, DELIVERED or
     * EXCEPTION; carrier and tracking number once handed over, the exception's reason when it ended in one.
     */
    record Shipment(String shipmentId, String stage, String carrier, String trackingNumber, String exceptionReason) {
    }

    sealed interface KeyStatus {
        record Accepted(Shipment shipment) implements KeyStatus {
        }

        record Rejected(ShipmentRefusal refusal) implements KeyStatus {
        }

        /** No request with this key took effect: retrying with it is safe. */
        record Unknown() implements KeyStatus {
        }
    }
}
