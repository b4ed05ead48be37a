package dev.orderflow.shipping.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.FulfillmentProgressed;
import dev.orderflow.events.FulfillmentStage;
import dev.orderflow.events.FulfillmentStepObserved;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.shipping.domain.ShippingStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Following shipments through the provider's event feed: steps arrive as {@code FulfillmentStepObserved}, each new
 * stage is announced once, and the direct read of the shipment is only a slow safety net.
 */
class FeedProgressTest {

    private static final String ORDER = "o-9";
    private static final Duration SAFETY = Duration.ofMinutes(1);
    private final TestStage stage = new TestStage(ORDER, ProgressTracking.byFeed(SAFETY));

    private void accepted() {
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));
        stage.order.emitted.clear();
    }

    @Test
    void acceptanceSchedulesOnlyTheSafetyRead() {
        accepted();
        assertThat(stage.order.deferred).containsOnlyKeys(DeferralKinds.PROGRESS_POLL);
        assertThat(stage.order.deferred.get(DeferralKinds.PROGRESS_POLL).deferral().dueAt())
                .isEqualTo(stage.now().plus(SAFETY));
    }

    @Test
    void eachObservedStageIsAnnouncedOnceAndDeliveryEndsTheSafetyRead() {
        accepted();
        stage.order.send(step("shp-1", "PICKED", null)).send(step("shp-1", "PICKED", null))
                .send(step("shp-1", "PACKED", null)).send(step("shp-1", "HANDED_TO_CARRIER", null))
                .send(step("shp-1", "DELIVERED", null));

        assertThat(stages()).containsExactly(FulfillmentStage.PICKED, FulfillmentStage.PACKED,
                FulfillmentStage.HANDED_TO_CARRIER, FulfillmentStage.DELIVERED);
        FulfillmentProgressed delivered = stage.order.lastEvent(FulfillmentProgressed.class);
        assertThat(delivered.getTrackingNumber()).isEqualTo("TRK-shp-1");
        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.DELIVERED);
        assertThat(stage.order.deferred).as("no read left to make").isEmpty();
        assertThat(stage.provider.count("fulfillment.shipment")).as("the shipment is never read").isZero();
    }

    @Test
    void aSkippedStepIsFilledInAndAStepAlreadyReadChangesNothing() {
        accepted();
        stage.order.send(step("shp-1", "PACKED", null));
        assertThat(stages()).containsExactly(FulfillmentStage.PICKED, FulfillmentStage.PACKED);

        stage.order.send(step("shp-1", "PICKED", null));
        assertThat(stages()).as("a late step is not announced again").hasSize(2);
    }

    @Test
    void aStepOfAnotherShipmentOrOfAnUnknownOrderChangesNothing() {
        stage.order.send(step("shp-1", "PICKED", null));
        assertThat(stage.order.state()).as("no order known yet").isNull();

        accepted();
        stage.order.send(step("shp-999", "DELIVERED", null));
        assertThat(stage.order.emitted).isEmpty();
        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.ACCEPTED);
    }

    @Test
    void theSafetyReadCatchesUpWhatTheFeedDidNotBringAndIsScheduledAgain() {
        accepted();
        stage.provider.move("shp-1", "PACKED", null);

        stage.order.fire(DeferralKinds.PROGRESS_POLL);

        assertThat(stages()).containsExactly(FulfillmentStage.PICKED, FulfillmentStage.PACKED);
        assertThat(stage.order.deferred.get(DeferralKinds.PROGRESS_POLL).deferral().dueAt())
                .isEqualTo(stage.now().plus(SAFETY));
        stage.order.send(step("shp-1", "PACKED", null));
        assertThat(stages()).as("the feed's copy of a step already read").hasSize(2);
    }

    @Test
    void anObservedExceptionIsAnnouncedAndEscalated() {
        accepted();
        stage.order.send(step("shp-1", "EXCEPTION", "RECIPIENT_NOT_FOUND"));

        assertThat(stage.order.eventTypes()).containsExactly("FulfillmentProgressed", "OrderEscalated");
        assertThat(stage.order.lastEvent(FulfillmentProgressed.class).getExceptionReason())
                .isEqualTo("RECIPIENT_NOT_FOUND");
        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.FULFILLMENT_EXCEPTION);
        assertThat(stage.order.deferred).isEmpty();
    }

    @Test
    void theNoProgressDeadlineCountsFromTheLastObservedStep() {
        accepted();
        stage.clock.advance(TestStage.DEADLINE.minusMinutes(5));
        stage.order.send(step("shp-1", "PICKED", null));
        stage.clock.advance(Duration.ofMinutes(10));

        stage.order.fire(DeferralKinds.PROGRESS_POLL);

        assertThat(stage.order.eventTypes()).as("35 minutes after acceptance, but progress 10 minutes ago")
                .doesNotContain("OrderEscalated");

        stage.order.fire(DeferralKinds.PROGRESS_POLL, TestStage.DEADLINE);
        assertThat(stage.order.lastEvent(OrderEscalated.class).getReason()).contains("no fulfillment progress");
    }

    private static FulfillmentStepObserved step(String shipmentId, String stage, String exceptionReason) {
        boolean handedOver = stage.equals("HANDED_TO_CARRIER") || stage.equals("DELIVERED");
        return FulfillmentStepObserved.newBuilder().setMetadata(TestEvents.metadata(ORDER)).setShipmentId(shipmentId)
                .setStage(stage).setFeedSequence(1).setCarrier(handedOver ? "SANDBOX-EXPRESS" : null)
                .setTrackingNumber(handedOver ? "TRK-" + shipmentId : null).setExceptionReason(exceptionReason)
                .build();
    }

    private List<FulfillmentStage> stages() {
        return stage.order.emitted.stream().map(o -> o.event()).filter(FulfillmentProgressed.class::isInstance)
                .map(e -> ((FulfillmentProgressed) e).getStage()).toList();
    }
}
