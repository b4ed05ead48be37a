package dev.orderflow.orderstream.intake;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ShippingAddress;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds the {@code OrderPlaced} event of an accepted request: the start of the order workflow. */
final class OrderPlacedEvents {

    /** The {@code producer} of the events this API writes. */
    static final String PRODUCER = "order-api";

    private final Clock clock;

    OrderPlacedEvents(Clock clock) {
        this.clock = clock;
    }

    /**
     * The event of a new order. It starts the workflow, so it has no causation id and is attempt 1; the
     * correlation id is the caller's when it sent one, else the order id, which every later event then shares.
     */
    OrderPlaced orderPlaced(UUID eventId, UUID orderId, String correlationId, OrderRequest request) {
        EventMetadata metadata = EventMetadata.newBuilder()
                .setEventId(eventId)
                .setOrderId(orderId.toString())
                .setCorrelationId(correlationId == null ? orderId.toString() : correlationId)
                .setCausationId(null)
                .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS)) // the Avro field holds millis
                .setProducer(PRODUCER)
                .setAttempt(1)
                .build();
        return OrderPlaced.newBuilder()
                .setMetadata(metadata)
                .setCustomerId(request.customerId())
                .setLineItems(request.lineItems().stream().map(OrderPlacedEvents::lineItem).toList())
                .setCurrency(request.currency())
                .setTotalMinor(request.totalMinor())
                .setShippingAddress(address(request.shippingAddress()))
                .setPaymentMethodToken(request.paymentMethodToken())
                .build();
    }

    private static LineItem lineItem(OrderRequest.Line line) {
        return LineItem.newBuilder()
                .setSku(line.sku())
                .setQuantity(line.quantity())
                .setUnitPriceMinor(line.unitPriceMinor())
                .build();
    }

    private static ShippingAddress address(OrderRequest.Address address) {
        return ShippingAddress.newBuilder()
                .setRecipientName(address.recipientName())
                .setLine1(address.line1())
                .setLine2(address.line2())
                .setCity(address.city())
                .setPostalCode(address.postalCode())
                .setRegion(address.region())
                .setCountryCode(address.countryCode())
                .build();
    }
}
