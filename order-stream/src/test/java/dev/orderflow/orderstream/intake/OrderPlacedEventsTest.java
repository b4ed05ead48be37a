package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.OrderPlaced;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderPlacedEventsTest {

    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private final OrderPlacedEvents events = new OrderPlacedEvents(
            Clock.fixed(Instant.parse("2026-11-30T18:00:00.123456789Z"), ZoneOffset.UTC));
    private final OrderRequest request = new OrderRequest("customer-7",
            List.of(new OrderRequest.Line("SKU-1", 2, 1250)), "EUR", 2500,
            new OrderRequest.Address("Ada", "1 Main St", "Floor 3", "Berlin", "10115", "BE", "DE"), "tok_1");

    @Test
    void startsTheWorkflowAsAttemptOneOfTheOrderApi() {
        OrderPlaced event = events.orderPlaced(EVENT, ORDER, null, request);

        assertThat(event.getMetadata().getEventId()).isEqualTo(EVENT);
        assertThat(event.getMetadata().getOrderId()).isEqualTo(ORDER.toString());
        assertThat(event.getMetadata().getCorrelationId()).as("defaults to the order id").isEqualTo(ORDER.toString());
        assertThat(event.getMetadata().getCausationId()).isNull();
        assertThat(event.getMetadata().getProducer()).isEqualTo("order-api");
        assertThat(event.getMetadata().getAttempt()).isEqualTo(1);
        // Avro keeps milliseconds; truncating here makes the decoded event equal to the one written.
        assertThat(event.getMetadata().getOccurredAt()).isEqualTo(Instant.parse("2026-11-30T18:00:00.123Z"));
    }

    @Test
    void carriesTheRequestAndTheCallersCorrelationId() {
        OrderPlaced event = events.orderPlaced(EVENT, ORDER, "checkout-991", request);

        assertThat(event.getMetadata().getCorrelationId()).isEqualTo("checkout-991");
        assertThat(event.getCustomerId()).isEqualTo("customer-7");
        assertThat(event.getLineItems()).singleElement().satisfies(line -> {
            assertThat(line.getSku()).isEqualTo("SKU-1");
            assertThat(line.getQuantity()).isEqualTo(2);
            assertThat(line.getUnitPriceMinor()).isEqualTo(1250);
        });
        assertThat(event.getCurrency()).isEqualTo("EUR");
        assertThat(event.getTotalMinor()).isEqualTo(2500);
        assertThat(event.getShippingAddress().getLine2()).isEqualTo("Floor 3");
        assertThat(event.getShippingAddress().getRegion()).isEqualTo("BE");
        assertThat(event.getShippingAddress().getCountryCode()).isEqualTo("DE");
        assertThat(event.getPaymentMethodToken()).isEqualTo("tok_1");
    }
}
