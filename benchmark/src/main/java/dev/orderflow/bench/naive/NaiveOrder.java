package dev.orderflow.bench.naive;

import java.util.Map;

/**
 * The naive pipeline's one event, as JSON on its {@code naive.*} topics: the order as placed, plus the provider
 * references each stage adds before handing it on.
 */
record NaiveOrder(String orderId, String sku, int quantity, long amountMinor, String currency, String paymentToken,
        Map<String, Object> address, String reservationId, String authorizationId) {

    NaiveOrder withReservation(String id) {
        return new NaiveOrder(orderId, sku, quantity, amountMinor, currency, paymentToken, address, id,
                authorizationId);
    }

    NaiveOrder withAuthorization(String id) {
        return new NaiveOrder(orderId, sku, quantity, amountMinor, currency, paymentToken, address, reservationId, id);
    }
}
