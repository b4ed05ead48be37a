package dev.orderflow.shipping.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.FulfillmentProgressed;
import dev.orderflow.events.FulfillmentStage;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.shipping.domain.FulfillmentStages;
import dev.orderflow.shipping.domain.ShippingStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After acceptance: every new stage is announced once and in order, until delivery or an exception. */
class FulfillmentProgressTest {

    private static final String ORDER = "o-3";
    private final TestStage stage = new TestStage(ORDER);

    private void accepted() {
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));
        stage.order.emitted.clear();
    }

    @Test
    void eachNewStageIsAnnouncedOnceAndInOrderUntilDelivered() {
        accepted();
        stage.order.fire(DeferralKinds.PROGRESS_POLL);
        assertThat(stage.order.eventTypes()).as("no progress yet").isEmpty();

        stage.provider.move("shp-1", "PICKED", null);
        stage.order.fire(DeferralKinds.PROGRESS_POLL);
        stage.provider.move("shp-1", "DELIVERED", null);
        stage.order.fire(DeferralKinds.PROGRESS_POLL);

        assertThat(stages()).containsExactly(FulfillmentStage.PICKED, FulfillmentStage.PACKED,
                FulfillmentStage.HANDED_TO_CARRIER, FulfillmentStage.DELIVERED);
        FulfillmentProgressed delivered = stage.order.lastEvent(FulfillmentProgressed.class);
        assertThat(delivered.getShipmentId()).isEqualTo("shp-1");
        assertThat(delivered.getCarrier()).isEqualTo("SANDBOX-EXPRESS");
        assertThat(delivered.getTrackingNumber()).isEqualTo("TRK1");
        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.DELIVERED);
        assertThat(stage.order.deferred).as("polling stops at a final stage").isEmpty();
    }

    @Test
    void readsFollowThePollScheduleWhichStartsAgainAfterProgress() {
        accepted();
        assertThat(dueIn()).isEqualTo(Duration.ofSeconds(2));
        stage.order.fire(DeferralKinds.PROGRESS_POLL);
        assertThat(dueIn()).as("nothing new: the next delay").isEqualTo(Duration.ofSeconds(10));
        stage.order.fire(DeferralKinds.PROGRESS_POLL);
        assertThat(dueIn()).isEqualTo(Duration.ofMinutes(1));

        stage.provider.move("shp-1", "PICKED", null);
        stage.order.fire(DeferralKinds.PROGRESS_POLL);
        assertThat(dueIn()).as("progress: the schedule starts again").isEqualTo(Duration.ofSeconds(2));
    }

    private Duration dueIn() {
        return Duration.between(stage.now(), stage.order.deferred.get(DeferralKinds.PROGRESS_POLL).deferral().dueAt());
    }

    @Test
    void anExceptionAfterAcceptanceIsAnnouncedAndEscalated() {
        accepted();
        stage.provider.move("shp-1", "EXCEPTION", "DAMAGED_WHILE_PACKING");

        stage.order.fire(DeferralKinds.PROGRESS_POLL);

        assertThat(stage.order.eventTypes()).containsExactly("FulfillmentProgressed", "OrderEscalated");
        assertThat(stage.order.lastEvent(FulfillmentProgressed.class).getExceptionReason())
                .isEqualTo("DAMAGED_WHILE_PACKING");
        assertThat(stage.order.lastEvent(OrderEscalated.class).getStuckState()).isEqualTo("FULFILLING");
        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.FULFILLMENT_EXCEPTION);
        assertThat(stage.order.deferred).isEmpty();
    }

    @Test
    void noProgressPastTheDeadlineIsEscalatedOnceAndPollingGoesOn() {
        accepted();
        stage.order.fire(DeferralKinds.PROGRESS_POLL, TestStage.DEADLINE);
        assertThat(stage.order.eventTypes()).containsExactly("OrderEscalated");
        assertThat(stage.order.lastEvent(OrderEscalated.class).getReason()).contains("no fulfillment progress");

        stage.order.fire(DeferralKinds.PROGRESS_POLL);
        assertThat(stage.order.eventTypes()).as("escalated once").containsExactly("OrderEscalated");

        stage.provider.move("shp-1", "PICKED", null);
        stage.order.fire(DeferralKinds.PROGRESS_POLL);
        assertThat(stages()).containsExactly(FulfillmentStage.PICKED);
    }

    @Test
    void aFailedPollIsRepeatedLater() {
        accepted();
        stage.provider.fail("fulfillment.shipment", FailureCategory.TRANSIENT)
                .fail("fulfillment.shipment", FailureCategory.TRANSIENT);
        stage.order.fire(DeferralKinds.PROGRESS_POLL);
        assertThat(stage.order.deferred).containsOnlyKeys(DeferralKinds.PROGRESS_POLL);

        stage.provider.move("shp-1", "PACKED", null);
        stage.order.fire(DeferralKinds.PROGRESS_POLL);

        assertThat(stages()).containsExactly(FulfillmentStage.PICKED, FulfillmentStage.PACKED);
    }

    @Test
    void stagesBetweenTwoPollsAreFilledInAndAnUnknownStageIsAnException() {
        assertThat(FulfillmentStages.reachedSince("ACCEPTED", "HANDED_TO_CARRIER"))
                .containsExactly("PICKED", "PACKED", "HANDED_TO_CARRIER");
        assertThat(FulfillmentStages.reachedSince("PACKED", "PACKED")).isEmpty();
        assertThat(FulfillmentStages.reachedSince("PICKED", "EXCEPTION")).containsExactly("EXCEPTION");
        assertThat(FulfillmentStages.reachedSince("PICKED", "LOST_IN_SPACE")).containsExactly("EXCEPTION");
    }

    @Test
    void progressAnnouncedByThePollKeepsTheWorkflowsCorrelationId() {
        dev.orderflow.events.OrderPlaced placed = TestEvents.placed(ORDER);
        placed.getMetadata().setCorrelationId("checkout-42");
        stage.order.send(placed).send(TestEvents.authorized(ORDER));
        stage.provider.move("shp-1", "PICKED", null);

        stage.order.fire(DeferralKinds.PROGRESS_POLL);

        assertThat(stage.order.lastEvent(FulfillmentProgressed.class).getMetadata().getCorrelationId())
                .isEqualTo("checkout-42");
    }

    private List<FulfillmentStage> stages() {
        return stage.order.emitted.stream().map(o -> o.event()).filter(FulfillmentProgressed.class::isInstance)
                .map(e -> ((FulfillmentProgressed) e).getStage()).toList();
    }
}
