package dev.orderflow.shipping.adapter.feed;

import java.time.Instant;

/**
 * One event of the fulfillment provider's feed (provider-sandbox/README.md, {@code GET /fulfillment/events}).
 *
 * @param sequence position in the feed, from 1
 * @param orderId  the order the shipment was requested for; null when the provider did not say
 */
record FeedStep(long sequence, String shipmentId, String orderId, String stage, Instant at, String carrier,
        String trackingNumber, String exceptionReason) {
}
