package dev.orderflow.inventory.application;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentDeclineReason;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.events.ShipmentAccepted;
import dev.orderflow.events.ShippingAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Input events of the inventory stage, as upstream, payment, shipping and operators send them. */
final class TestEvents {

    private TestEvents() {
    }

    static EventMetadata metadata(String orderId) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId).setCorrelationId(orderId)
                .setCausationId(null).setOccurredAt(Instant.parse("2030-01-01T00:00:00Z")).setProducer("test")
                .setAttempt(1).build();
    }

    static OrderPlaced placed(String orderId, String sku, int quantity) {
        return OrderPlaced.newBuilder().setMetadata(metadata(orderId)).setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku(sku).setQuantity(quantity).setUnitPriceMinor(1000)
                        .build()))
                .setCurrency("EUR").setTotalMinor(1000L * quantity)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Vienna").setPostalCode("1010").setRegion(null).setCountryCode("AT")
                        .build())
                .setPaymentMethodToken("tok_visa").build();
    }

    static PaymentDeclined declined(String orderId) {
        return PaymentDeclined.newBuilder().setMetadata(metadata(orderId))
                .setReasonCode(PaymentDeclineReason.CARD_DECLINED).setDetail("declined").build();
    }

    static CancelOrderCommand cancel(String orderId, boolean compensate) {
        return CancelOrderCommand.newBuilder().setMetadata(metadata(orderId)).setCompensate(compensate)
                .setOperator("ops@example.com").setReason("customer called").build();
    }

    static ShipmentAccepted shipmentAccepted(String orderId) {
        return ShipmentAccepted.newBuilder().setMetadata(metadata(orderId)).setShipmentId("shp-000001").build();
    }
}
