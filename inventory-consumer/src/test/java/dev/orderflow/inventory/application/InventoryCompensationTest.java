package dev.orderflow.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.InventoryCommitted;
import dev.orderflow.events.InventoryReleased;
import dev.orderflow.events.ReleaseReason;
import dev.orderflow.inventory.domain.InventoryStatus;
import dev.orderflow.runtime.failure.FailureCategory;
import org.junit.jupiter.api.Test;

/** Release (payment declined, operator cancel), commit (shipment accepted), and cancels that race the reservation. */
class InventoryCompensationTest {

    private static final String ORDER = "o-9";
    private final TestStage stage = new TestStage(ORDER);

    @Test
    void aDeclinedPaymentReleasesTheReservation() {
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.declined(ORDER));

        InventoryReleased released = stage.order.lastEvent(InventoryReleased.class);
        assertThat(released.getReservationId()).isEqualTo("res-1");
        assertThat(released.getReason()).isEqualTo(ReleaseReason.PAYMENT_DECLINED);
        assertThat(stage.stock.reservation("res-1").status()).isEqualTo("RELEASED");
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.RELEASED);
    }

    @Test
    void releaseIsIdempotent() {
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.declined(ORDER))
                .send(TestEvents.cancel(ORDER, true)).send(TestEvents.declined(ORDER));

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved", "InventoryReleased");
        assertThat(stage.stock.count("stock.release")).isEqualTo(1);
    }

    @Test
    void anOperatorCancelWithCompensationReleases() {
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.cancel(ORDER, true));

        InventoryReleased released = stage.order.lastEvent(InventoryReleased.class);
        assertThat(released.getReason()).isEqualTo(ReleaseReason.ORDER_CANCELLED);
        assertThat(released.getDetail()).contains("ops@example.com").contains("customer called");
    }

    @Test
    void aCancelWithoutCompensationLeavesTheReservation() {
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.cancel(ORDER, false));

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved");
        assertThat(stage.stock.count("stock.release")).isZero();
    }

    @Test
    void aReleaseThatFailsIsRetriedLaterUntilItGoesThrough() {
        stage.stock.fail("stock.release", FailureCategory.TRANSIENT).fail("stock.release", FailureCategory.TRANSIENT)
                .fail("stock.release", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.declined(ORDER));
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.RELEASE_SCHEDULED);

        stage.order.fire(DeferralKinds.RELEASE_RETRY);
        assertThat(stage.order.deferred).as("ambiguous release: sent again, it is idempotent")
                .containsOnlyKeys(DeferralKinds.RELEASE_RETRY);
        stage.order.fire(DeferralKinds.RELEASE_RETRY);

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved", "InventoryReleased");
        assertThat(stage.stock.reservation("res-1").status()).isEqualTo("RELEASED");
        assertThat(stage.order.deferred).isEmpty();
    }

    @Test
    void aCancelWhileTheOutcomeIsUnknownReleasesTheReservationThatTurnsUp() {
        stage.stock.loseReplyAfterWork("stock.reserve").fail("stock.status", FailureCategory.AMBIGUOUS)
                .fail("stock.status", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.cancel(ORDER, true));
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.PENDING);

        stage.order.fire(DeferralKinds.STATUS_RECHECK);

        assertThat(stage.order.eventTypes()).as("released instead of announced")
                .containsExactly("InventoryPending", "InventoryReleased");
        assertThat(stage.stock.liveReservations()).isZero();
        assertThat(stage.order.lastEvent(InventoryReleased.class).getReservationId()).isEqualTo("res-1");
    }

    @Test
    void aCancelWhileARetryIsScheduledEndsWithNothingReservedAndNoFurtherCalls() {
        stage.stock.fail("stock.reserve", FailureCategory.TRANSIENT).fail("stock.reserve", FailureCategory.TRANSIENT);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.cancel(ORDER, true));

        InventoryReleased released = stage.order.lastEvent(InventoryReleased.class);
        assertThat(released.getReservationId()).isNull();
        assertThat(released.getDetail()).contains("nothing was reserved");
        assertThat(stage.order.deferred).isEmpty();
        assertThat(stage.stock.count("stock.reserve")).isEqualTo(2);
    }

    @Test
    void aCancelThatArrivesBeforeTheOrderPreventsTheReservation() {
        stage.order.send(TestEvents.cancel(ORDER, true));
        assertThat(stage.order.eventTypes()).isEmpty();

        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2));

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReleased");
        assertThat(stage.stock.count("stock.reserve")).isZero();
    }

    @Test
    void anAcceptedShipmentCommitsTheReservation() {
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.shipmentAccepted(ORDER))
                .send(TestEvents.shipmentAccepted(ORDER));

        assertThat(stage.order.lastEvent(InventoryCommitted.class).getReservationId()).isEqualTo("res-1");
        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved", "InventoryCommitted");
        assertThat(stage.stock.reservation("res-1").status()).isEqualTo("COMMITTED");
    }

    @Test
    void aCommitThatFailsIsRetriedLater() {
        stage.stock.fail("stock.commit", FailureCategory.OVERLOAD).fail("stock.commit", FailureCategory.OVERLOAD);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.shipmentAccepted(ORDER));
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.COMMIT_SCHEDULED);

        assertThat(stage.stock.count("stock.commit")).as("Retry-After beyond the backoff: no quick retry").isEqualTo(1);

        stage.order.fire(DeferralKinds.COMMIT_RETRY);
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.COMMIT_SCHEDULED);
        stage.order.fire(DeferralKinds.COMMIT_RETRY);

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved", "InventoryCommitted");
        assertThat(stage.stock.count("stock.commit")).isEqualTo(3);
    }

    @Test
    void aCancelAfterTheStockWasCommittedIsEscalatedNotReleased() {
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.shipmentAccepted(ORDER))
                .send(TestEvents.cancel(ORDER, true));

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved", "InventoryCommitted",
                "OrderEscalated");
        assertThat(stage.stock.count("stock.release")).isZero();
    }

    @Test
    void aSecondOrderPlacedOfTheSameOrderReservesNothingMore() {
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)).send(TestEvents.placed(ORDER, "SKU-1", 2));

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved");
        assertThat(stage.stock.count("stock.reserve")).isEqualTo(1);
    }
}
