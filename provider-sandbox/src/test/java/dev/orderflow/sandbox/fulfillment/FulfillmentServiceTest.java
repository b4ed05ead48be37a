package dev.orderflow.sandbox.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.AdjustableClock;
import dev.orderflow.sandbox.fault.BusinessFault;
import dev.orderflow.sandbox.ledger.Ledger;
import dev.orderflow.sandbox.outcome.Outcome;
import dev.orderflow.sandbox.outcome.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FulfillmentServiceTest {

    private static final Address BERLIN = new Address("Ada", "Unter den Linden 1", null, "Berlin", "10117", null,
            "DE");
    private final AdjustableClock clock = new AdjustableClock(
            Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final Ledger ledger = new Ledger();
    private final FulfillmentService fulfillment = new FulfillmentService(clock, ledger, Duration.ofMinutes(1),
            Set.of("DE", "FR"));

    private Outcome<Shipment> accept(String key, Address address, BusinessFault fault) {
        return fulfillment.accept(key, new ShipmentRequest("order-" + key, address,
                List.of(new ShipmentItem("SKU-1", 1))), fault).result();
    }

    private static Shipment done(Outcome<Shipment> outcome) {
        return ((Outcome.Done<Shipment>) outcome).value();
    }

    private static Rejection refused(Outcome<Shipment> outcome) {
        return ((Outcome.Refused<Shipment>) outcome).rejection();
    }

    @Test
    void progressFollowsTheClockOneStepPerInterval() {
        Shipment shipment = done(accept("k", BERLIN, BusinessFault.NONE));
        assertThat(shipment.stage()).isEqualTo(ShipmentStage.ACCEPTED);

        clock.advance(Duration.ofSeconds(150));
        assertThat(fulfillment.shipment(shipment.shipmentId()).stage()).isEqualTo(ShipmentStage.PACKED);

        clock.advance(Duration.ofMinutes(10));
        Shipment delivered = fulfillment.shipment(shipment.shipmentId());
        assertThat(delivered.stage()).isEqualTo(ShipmentStage.DELIVERED);
        assertThat(delivered.carrier()).isEqualTo("SANDBOX-EXPRESS");
        assertThat(delivered.trackingNumber()).isEqualTo("TRK00000001");
        assertThat(fulfillment.events(0, 100).events()).extracting(FulfillmentEvent::stage).containsExactly(
                ShipmentStage.PICKED, ShipmentStage.PACKED, ShipmentStage.HANDED_TO_CARRIER, ShipmentStage.DELIVERED);
    }

    @Test
    void theFeedIsOrderedByTimeAcrossShipmentsAndPagesByAfter() {
        Shipment first = done(accept("k1", BERLIN, BusinessFault.NONE));
        clock.advance(Duration.ofSeconds(30));
        Shipment second = done(accept("k2", BERLIN, BusinessFault.NONE));
        clock.advance(Duration.ofMinutes(5));

        EventPage page = fulfillment.events(0, 3);
        assertThat(page.events()).extracting(FulfillmentEvent::shipmentId).containsExactly(first.shipmentId(),
                second.shipmentId(), first.shipmentId());
        assertThat(page.nextAfter()).isEqualTo(3);
        EventPage rest = fulfillment.events(page.nextAfter(), 100);
        assertThat(rest.events()).hasSize(5).first().extracting(FulfillmentEvent::sequence).isEqualTo(4L);
        assertThat(fulfillment.events(rest.nextAfter(), 100).events()).isEmpty();
        assertThat(fulfillment.events(rest.nextAfter(), 100).nextAfter()).isEqualTo(8);
        assertThat(page.latestSequence()).as("the feed's end, whatever page was read").isEqualTo(8);
        assertThat(fulfillment.events(0, 1).latestSequence()).isEqualTo(8);
    }

    @Test
    void anInjectedExceptionStopsProgressAfterAcceptance() {
        Shipment shipment = done(accept("k", BERLIN, new BusinessFault(false, 0, true, 0.6)));
        clock.advance(Duration.ofHours(1));

        Shipment failed = fulfillment.shipment(shipment.shipmentId());
        assertThat(failed.stage()).isEqualTo(ShipmentStage.EXCEPTION);
        assertThat(failed.exceptionReason()).isEqualTo("CARRIER_REFUSED_PARCEL");
        assertThat(fulfillment.events(0, 10).events()).extracting(FulfillmentEvent::stage)
                .containsExactly(ShipmentStage.PICKED, ShipmentStage.PACKED, ShipmentStage.EXCEPTION);
        assertThat(ledger.entries()).hasSize(1);
    }

    @Test
    void badAddressesAndDestinationsAreBusinessRefusals() {
        Address incomplete = new Address("Ada", " ", null, "Berlin", "10117", null, "DE");
        Address zeros = new Address("Ada", "x", null, "Berlin", "00000", null, "DE");
        Address faraway = new Address("Ada", "x", null, "Lima", "15001", null, "PE");

        assertThat(refused(accept("k1", incomplete, BusinessFault.NONE)))
                .satisfies(r -> assertThat(r.reason()).isEqualTo("INVALID_ADDRESS"))
                .satisfies(r -> assertThat(r.subjects()).containsExactly("line1"));
        assertThat(refused(accept("k2", zeros, BusinessFault.NONE)).reason()).isEqualTo("INVALID_ADDRESS");
        assertThat(refused(accept("k3", faraway, BusinessFault.NONE)).reason())
                .isEqualTo("UNSUPPORTED_DESTINATION");
        assertThat(fulfillment.statusByKey("k3").rejection().reason()).isEqualTo("UNSUPPORTED_DESTINATION");
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void aRepeatedKeyAcceptsOnce() {
        Shipment first = done(accept("k", BERLIN, BusinessFault.NONE));

        assertThat(done(accept("k", BERLIN, BusinessFault.NONE))).isEqualTo(first);
        assertThat(ledger.entries()).hasSize(1);
    }
}
