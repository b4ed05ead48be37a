package dev.orderflow.runtime.consumer;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ShippingAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic {@code OrderPlaced} events for the runtime's ITs. */
final class TestOrders {

    private TestOrders() {
    }

    static OrderPlaced placed(String orderId, String sku, int quantity) {
        return OrderPlaced.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId)
                        .setCorrelationId(orderId).setCausationId(null).setOccurredAt(Instant.now())
                        .setProducer("upstream-test").setAttempt(1).build())
                .setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku(sku).setQuantity(quantity).setUnitPriceMinor(1000)
                        .build()))
                .setCurrency("EUR")
                .setTotalMinor(1000L * quantity)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Vienna").setPostalCode("1010").setRegion(null).setCountryCode("AT")
                        .build())
                .setPaymentMethodToken("tok_visa")
                .build();
    }
}
