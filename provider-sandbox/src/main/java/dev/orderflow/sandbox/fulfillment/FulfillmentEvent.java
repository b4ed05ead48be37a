package dev.orderflow.sandbox.fulfillment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One step of a shipment's progress, as the event feed serves it.
 *
 * @param sequence        position in the feed, from 1; poll with {@code after} = the last sequence seen
 * @param shipmentId      the shipment
 * @param orderId         its order
 * @param stage           the stage reached
 * @param at              when it was reached by the sandbox clock
 * @param carrier         carrier, from HANDED_TO_CARRIER on
 * @param trackingNumber  tracking number, from HANDED_TO_CARRIER on
 * @param exceptionReason what went wrong, for EXCEPTION
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FulfillmentEvent(long sequence, String shipmentId, String orderId, ShipmentStage stage, Instant at,
                               String carrier, String trackingNumber, String exceptionReason) {
}
