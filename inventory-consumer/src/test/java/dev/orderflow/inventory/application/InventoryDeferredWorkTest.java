package dev.orderflow.inventory.application;

import dev.orderflow.runtime.testkit.StageDriver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.OrderEscalated;
import dev.orderflow.inventory.domain.InventoryStatus;
import dev.orderflow.runtime.failure.FailureCategory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deferred retries and status re-checks, their schedule and their deadline, on a hand-moved clock. */
class InventoryDeferredWorkTest {

    private static final String ORDER = "o-7";
    private final TestStage stage = new TestStage(ORDER);

    @Test
    void aDeferredRetryReservesUnderTheSameKey() {
        stage.stock.fail("stock.reserve", FailureCategory.TRANSIENT).fail("stock.reserve", FailureCategory.TRANSIENT);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));

        stage.order.fire(DeferralKinds.RESERVE_RETRY);

        assertThat(stage.order.eventTypes()).containsExactly("InventoryReserved");
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.RESERVED);
        assertThat(stage.order.deferred).isEmpty();
        assertThat(stage.stock.reserveKeys).hasSize(3).containsOnly("inv-o-7-1");
        assertThat(stage.stock.liveReservations()).isEqualTo(1);
    }

    @Test
    void deferredRetriesFollowThePolicySchedule() {
        for (int i = 0; i < 6; i++) {
            stage.stock.fail("stock.reserve", FailureCategory.TRANSIENT);
        }
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));
        assertThat(dueIn(DeferralKinds.RESERVE_RETRY)).isEqualTo(Duration.ofSeconds(1));

        stage.order.fire(DeferralKinds.RESERVE_RETRY);
        assertThat(dueIn(DeferralKinds.RESERVE_RETRY)).isEqualTo(Duration.ofSeconds(5));
        stage.order.fire(DeferralKinds.RESERVE_RETRY);
        assertThat(dueIn(DeferralKinds.RESERVE_RETRY)).isEqualTo(Duration.ofSeconds(30));
        stage.order.fire(DeferralKinds.RESERVE_RETRY);
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.RESERVED);
    }

    @Test
    void aStatusReCheckThatFindsTheReservationCompletesTheOrder() {
        stage.stock.loseReplyAfterWork("stock.reserve").fail("stock.status", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));
        assertThat(stage.order.state().status()).isEqualTo(InventoryStatus.PENDING);

        stage.order.fire(DeferralKinds.STATUS_RECHECK);

        assertThat(stage.order.eventTypes()).containsExactly("InventoryPending", "InventoryReserved");
        assertThat(stage.stock.count("stock.reserve")).as("never reserved twice").isEqualTo(1);
        assertThat(stage.order.deferred).isEmpty();
    }

    @Test
    void aStatusReCheckThatFindsNothingRetriesUnderTheSameKey() {
        stage.stock.fail("stock.reserve", FailureCategory.AMBIGUOUS).fail("stock.status", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));

        stage.order.fire(DeferralKinds.STATUS_RECHECK);
        assertThat(stage.order.deferred).containsOnlyKeys(DeferralKinds.RESERVE_RETRY);
        stage.order.fire(DeferralKinds.RESERVE_RETRY);

        assertThat(stage.order.eventTypes()).containsExactly("InventoryPending", "InventoryReserved");
        assertThat(stage.stock.reserveKeys).containsOnly("inv-o-7-1");
    }

    @Test
    void statusReChecksFollowTheirScheduleAndAnnouncePendingOnce() {
        stage.stock.fail("stock.reserve", FailureCategory.AMBIGUOUS);
        for (int i = 0; i < 3; i++) {
            stage.stock.fail("stock.status", FailureCategory.AMBIGUOUS);
        }
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));
        assertThat(dueIn(DeferralKinds.STATUS_RECHECK)).isEqualTo(Duration.ofSeconds(2));
        stage.order.fire(DeferralKinds.STATUS_RECHECK);
        assertThat(dueIn(DeferralKinds.STATUS_RECHECK)).isEqualTo(Duration.ofSeconds(10));
        stage.order.fire(DeferralKinds.STATUS_RECHECK);
        assertThat(dueIn(DeferralKinds.STATUS_RECHECK)).isEqualTo(Duration.ofMinutes(1));

        assertThat(stage.order.eventTypes()).containsExactly("InventoryPending");
    }

    @Test
    void anOutcomeStillUnknownAtTheDeadlineIsEscalatedToOperators() {
        stage.stock.fail("stock.reserve", FailureCategory.AMBIGUOUS);
        for (int i = 0; i < 20; i++) {
            stage.stock.fail("stock.status", FailureCategory.AMBIGUOUS);
        }
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));
        java.time.Instant placedAt = stage.now();

        stage.order.fire(DeferralKinds.STATUS_RECHECK, TestStage.DEADLINE);

        OrderEscalated escalated = stage.order.lastEvent(OrderEscalated.class);
        assertThat(escalated.getStuckState()).isEqualTo("INVENTORY_PENDING");
        assertThat(escalated.getStuckSince()).isEqualTo(placedAt);
        assertThat(escalated.getDeadline()).isEqualTo(placedAt.plus(TestStage.DEADLINE));
        assertThat(escalated.getReason()).contains("still unknown");
        assertThat(stage.order.state().escalated()).isTrue();
        assertThat(stage.order.deferred).as("no more automatic attempts").isEmpty();
    }

    @Test
    void theLastCheckAtTheDeadlineStillCompletesWhenTheAnswerIsThere() {
        stage.stock.loseReplyAfterWork("stock.reserve").fail("stock.status", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));

        stage.order.fire(DeferralKinds.STATUS_RECHECK, TestStage.DEADLINE);

        assertThat(stage.order.eventTypes()).containsExactly("InventoryPending", "InventoryReserved");
    }

    @Test
    void aRetryDueAfterTheDeadlineEscalatesInsteadOfReservingLate() {
        stage.stock.fail("stock.reserve", FailureCategory.TRANSIENT).fail("stock.reserve", FailureCategory.TRANSIENT);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));

        stage.order.fire(DeferralKinds.RESERVE_RETRY, TestStage.DEADLINE);

        assertThat(stage.order.eventTypes()).containsExactly("OrderEscalated");
        assertThat(stage.stock.count("stock.reserve")).isEqualTo(2);
        assertThat(stage.stock.liveReservations()).isZero();
    }

    @Test
    void aDeferredActionOfAnOrderThatMovedOnDoesNothing() {
        stage.stock.fail("stock.reserve", FailureCategory.TRANSIENT).fail("stock.reserve", FailureCategory.TRANSIENT);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 1));
        stage.order.fire(DeferralKinds.RESERVE_RETRY);
        long calls = stage.stock.calls.size();

        // A stale re-check (e.g. one that was due while the retry ran) finds the order reserved.
        stage.order.deferred.put(DeferralKinds.STATUS_RECHECK, new StageDriver.Scheduled(
                dev.orderflow.runtime.deferred.Deferral.of(DeferralKinds.STATUS_RECHECK, null, stage.now(),
                        stage.now().plus(TestStage.DEADLINE)), 1));
        stage.order.fire(DeferralKinds.STATUS_RECHECK);

        assertThat(stage.stock.calls).hasSize((int) calls);
        assertThat(stage.order.last.stateChanged()).isFalse();
    }

    @Test
    void eventsCausedByDeferredWorkKeepTheWorkflowsCorrelationId() {
        stage.stock.fail("stock.reserve", FailureCategory.TRANSIENT).fail("stock.reserve", FailureCategory.TRANSIENT);
        dev.orderflow.events.OrderPlaced placed = TestEvents.placed(ORDER, "SKU-1", 1);
        placed.getMetadata().setCorrelationId("checkout-42");
        stage.order.send(placed);

        stage.order.fire(DeferralKinds.RESERVE_RETRY);

        dev.orderflow.events.InventoryReserved reserved = stage.order.lastEvent(
                dev.orderflow.events.InventoryReserved.class);
        assertThat(reserved.getMetadata().getCorrelationId()).isEqualTo("checkout-42");
        assertThat(reserved.getMetadata().getAttempt()).isEqualTo(1);
    }

    private Duration dueIn(String kind) {
        return Duration.between(stage.now(), stage.order.deferred.get(kind).deferral().dueAt());
    }
}
