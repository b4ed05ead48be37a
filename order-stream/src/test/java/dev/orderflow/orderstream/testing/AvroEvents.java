package dev.orderflow.orderstream.testing;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentProgressed;
import dev.orderflow.events.FulfillmentStage;
import dev.orderflow.events.InventoryCommitted;
import dev.orderflow.events.InventoryPending;
import dev.orderflow.events.InventoryRejected;
import dev.orderflow.events.InventoryRejectionReason;
import dev.orderflow.events.InventoryReleased;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.PaymentDeclineReason;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.events.PaymentPending;
import dev.orderflow.events.PaymentRefunded;
import dev.orderflow.events.PaymentVoided;
import dev.orderflow.events.ReleaseReason;
import dev.orderflow.events.ResolvePaymentCommand;
import dev.orderflow.events.RetryShippingCommand;
import dev.orderflow.events.ShipmentAccepted;
import dev.orderflow.events.ShipmentPending;
import dev.orderflow.events.ShipmentRejected;
import dev.orderflow.events.ShipmentRejectionReason;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.events.VerifiedPaymentOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Avro events of one order with increasing times, for topology tests and ITs. */
public final class AvroEvents {

    private final String orderId;
    private Instant clock;

    public AvroEvents(String orderId, Instant start) {
        this.orderId = orderId;
        this.clock = start;
    }

    public String orderId() {
        return orderId;
    }

    private EventMetadata meta() {
        clock = clock.plusMillis(100);
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId)
                .setCorrelationId("corr-" + orderId).setCausationId(null).setOccurredAt(clock)
                .setProducer("test").setAttempt(1).build();
    }

    public OrderPlaced placed() {
        return OrderPlaced.newBuilder().setMetadata(meta()).setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(2).setUnitPriceMinor(500)
                        .build()))
                .setCurrency("EUR").setTotalMinor(1000)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("A").setLine1("Street 1")
                        .setCity("Berlin").setPostalCode("10115").setCountryCode("DE").build())
                .setPaymentMethodToken("tok").build();
    }

    public InventoryReserved reserved() {
        return InventoryReserved.newBuilder().setMetadata(meta()).setReservationId("r-1").build();
    }

    public InventoryPending inventoryPending() {
        return InventoryPending.newBuilder().setMetadata(meta()).setReason("timeout").setNextCheckAt(clock).build();
    }

    public InventoryRejected inventoryRejected() {
        return InventoryRejected.newBuilder().setMetadata(meta()).setReasonCode(InventoryRejectionReason.OUT_OF_STOCK)
                .setUnavailableSkus(List.of("SKU-1")).build();
    }

    public InventoryReleased released() {
        return InventoryReleased.newBuilder().setMetadata(meta()).setReservationId("r-1")
                .setReason(ReleaseReason.ORDER_CANCELLED).build();
    }

    public InventoryCommitted committed() {
        return InventoryCommitted.newBuilder().setMetadata(meta()).setReservationId("r-1").build();
    }

    public PaymentPending paymentPending() {
        return PaymentPending.newBuilder().setMetadata(meta()).setReason("timeout").setNextCheckAt(clock)
                .setEscalateAt(clock.plusSeconds(900)).build();
    }

    public PaymentAuthorized authorized() {
        return PaymentAuthorized.newBuilder().setMetadata(meta()).setAuthorizationId("a-1").setAmountMinor(1000)
                .setCurrency("EUR").build();
    }

    public PaymentDeclined declined() {
        return PaymentDeclined.newBuilder().setMetadata(meta()).setReasonCode(PaymentDeclineReason.CARD_DECLINED)
                .build();
    }

    public PaymentVoided voided() {
        return PaymentVoided.newBuilder().setMetadata(meta()).setAuthorizationId("a-1").setReason("cancelled").build();
    }

    public PaymentRefunded refunded() {
        return PaymentRefunded.newBuilder().setMetadata(meta()).setAuthorizationId("a-1").setRefundId("rf-1")
                .setAmountMinor(1000).setCurrency("EUR").setReason("cancelled").build();
    }

    public OrderEscalated paymentEscalated() {
        return OrderEscalated.newBuilder().setMetadata(meta()).setStuckState("PAYMENT_PENDING")
                .setStuckSince(clock).setDeadline(clock).setReason("payment outcome unknown").build();
    }

    public ShipmentPending shipmentPending() {
        return ShipmentPending.newBuilder().setMetadata(meta()).setReason("timeout").setNextCheckAt(clock).build();
    }

    public ShipmentAccepted accepted() {
        return ShipmentAccepted.newBuilder().setMetadata(meta()).setShipmentId("s-1").build();
    }

    public ShipmentRejected shipmentRejected() {
        return ShipmentRejected.newBuilder().setMetadata(meta())
                .setReasonCode(ShipmentRejectionReason.INVALID_ADDRESS).build();
    }

    public FulfillmentProgressed progressed(FulfillmentStage stage) {
        return FulfillmentProgressed.newBuilder().setMetadata(meta()).setShipmentId("s-1").setStage(stage)
                .setExceptionReason(stage == FulfillmentStage.EXCEPTION ? "damaged" : null).build();
    }

    public ResolvePaymentCommand resolvePayment(VerifiedPaymentOutcome outcome) {
        return ResolvePaymentCommand.newBuilder().setMetadata(meta()).setOutcome(outcome).setProviderReference("p-1")
                .setOperator("ops").setReason("checked with the gateway").build();
    }

    public RetryShippingCommand retryShipping() {
        return RetryShippingCommand.newBuilder().setMetadata(meta()).setOperator("ops").setReason("address fixed")
                .build();
    }

    public CancelOrderCommand cancel(boolean compensate) {
        return CancelOrderCommand.newBuilder().setMetadata(meta()).setCompensate(compensate).setOperator("ops")
                .setReason("customer asked").build();
    }
}
