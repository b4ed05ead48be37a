package dev.orderflow.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.InventoryReleased;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ReleaseReason;
import dev.orderflow.inventory.domain.InventoryStatus;
import dev.orderflow.runtime.failure.FailureCategory;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §1, inventory, ambiguous: "if a later order attempt already won, release". A re-submission of the order
 * (a higher attempt) while the earlier reserve is unresolved goes ahead under its own key; whatever the earlier key
 * reserved is released.
 */
class SupersededAttemptsTest {

    private static final String ORDER = "o-5";
    private final TestStage stage = new TestStage(ORDER);

    @Test
    void theLaterAttemptWinsAndTheEarlierReservationIsReleased() {
        stage.stock.loseReplyAfterWork("stock.reserve").fail("stock.status", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2));
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.PENDING);

        stage.order.send(attempt(2));
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.RESERVED);
        assertThat(stage.stock.liveReservations()).as("for a moment both attempts hold stock").isEqualTo(2);
        stage.order.fire(DeferralKinds.SUPERSEDED_CLEANUP);

        assertThat(stage.order.eventTypes()).containsExactly("InventoryPending", "InventoryReserved",
                "InventoryReleased");
        InventoryReleased released = stage.order.lastEvent(InventoryReleased.class);
        assertThat(released.getReason()).isEqualTo(ReleaseReason.SUPERSEDED);
        assertThat(released.getReservationId()).isEqualTo("res-1");
        assertThat(stage.stock.liveReservations()).isEqualTo(1);
        assertThat(stage.stock.reserveKeys).containsExactly("inv-o-5-1", "inv-o-5-2");
        assertThat(stage.order.state().supersededKeys()).isEmpty();
        assertThat(stage.order.deferred).isEmpty();
    }

    @Test
    void anEarlierAttemptThatReservedNothingNeedsNoRelease() {
        stage.stock.fail("stock.reserve", FailureCategory.TRANSIENT).fail("stock.reserve", FailureCategory.TRANSIENT);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(attempt(2));

        stage.order.fire(DeferralKinds.SUPERSEDED_CLEANUP);

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved");
        assertThat(stage.stock.count("stock.release")).isZero();
        assertThat(stage.order.deferred).isEmpty();
    }

    @Test
    void aCleanUpThatCannotReachTheProviderIsRetriedThenEscalated() {
        stage.stock.loseReplyAfterWork("stock.reserve").fail("stock.status", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(attempt(2));
        for (int i = 0; i < 3; i++) {
            stage.stock.fail("stock.status", FailureCategory.AMBIGUOUS);
        }
        stage.order.fire(DeferralKinds.SUPERSEDED_CLEANUP);
        assertThat(stage.order.deferred).containsOnlyKeys(DeferralKinds.SUPERSEDED_CLEANUP);

        stage.order.fire(DeferralKinds.SUPERSEDED_CLEANUP, TestStage.DEADLINE);

        assertThat(stage.order.lastEvent(dev.orderflow.events.OrderEscalated.class).getReason())
                .contains("superseded");
    }

    @Test
    void aLaterAttemptAfterARejectionIsJudgedAfresh() {
        stage.stock.stock("SKU-1", 1);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2));
        stage.stock.stock("SKU-1", 5);

        stage.order.send(attempt(2));

        assertThat(stage.order.eventTypes()).containsExactly("InventoryRejected", "InventoryReserved");
        assertThat(stage.stock.reserveKeys).containsExactly("inv-o-5-1", "inv-o-5-2");
    }

    @Test
    void aLaterAttemptOfAnOrderThatHoldsStockReservesNothingMore() {
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(attempt(2));

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved");
        assertThat(stage.stock.count("stock.reserve")).isEqualTo(1);
    }

    private static OrderPlaced attempt(int attempt) {
        OrderPlaced placed = TestEvents.placed(ORDER, "SKU-1", 2);
        return OrderPlaced.newBuilder(placed).setMetadata(EventMetadata.newBuilder(placed.getMetadata())
                .setAttempt(attempt).build()).build();
    }
}
