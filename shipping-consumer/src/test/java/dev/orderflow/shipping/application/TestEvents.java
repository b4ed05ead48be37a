package dev.orderflow.shipping.application;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.RetryShippingCommand;
import dev.orderflow.events.ShippingAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Input events of the shipping stage. */
final class TestEvents {

    private TestEvents() {
    }

    static EventMetadata metadata(String orderId) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId).setCorrelationId(orderId)
                .setCausationId(null).setOccurredAt(Instant.parse("2030-01-01T00:00:00Z")).setProducer("test")
                .setAttempt(1).build();
    }

    static OrderPlaced placed(String orderId) {
        return placed(orderId, "SKU-1", "1010", "AT");
    }

    static OrderPlaced placed(String orderId, String sku, String postalCode, String country) {
        return OrderPlaced.newBuilder().setMetadata(metadata(orderId)).setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku(sku).setQuantity(2).setUnitPriceMinor(1000)
                        .build()))
                .setCurrency("EUR").setTotalMinor(2000L)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Vienna").setPostalCode(postalCode).setRegion(null)
                        .setCountryCode(country).build())
                .setPaymentMethodToken("tok_visa").build();
    }

    static PaymentAuthorized authorized(String orderId) {
        return PaymentAuthorized.newBuilder().setMetadata(metadata(orderId)).setAuthorizationId("auth-1")
                .setAmountMinor(2000L).setCurrency("EUR").build();
    }

    static RetryShippingCommand retry(String orderId) {
        return RetryShippingCommand.newBuilder().setMetadata(metadata(orderId)).setOperator("ops@example.com")
                .setReason("address corrected with the customer").build();
    }

    static CancelOrderCommand cancel(String orderId, boolean compensate) {
        return CancelOrderCommand.newBuilder().setMetadata(metadata(orderId)).setCompensate(compensate)
                .setOperator("ops@example.com").setReason("customer called").build();
    }
}
