package dev.orderflow.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.InventoryPending;
import dev.orderflow.events.InventoryRejected;
import dev.orderflow.events.InventoryRejectionReason;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.inventory.domain.InventoryStatus;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §1, inventory column, cell by cell: how the order's reserve call ends decides the event, the stage
 * state, the deferred work and what the provider holds afterwards.
 */
class InventoryReactionTableTest {

    private static final String ORDER = "o-1";

    /** One row: the faults of the provider, then what the stage must have done. */
    record Row(String cell, Consumer<FakeStockApi> faults, List<String> events, InventoryStatus status,
            List<String> deferrals, Duration dueIn, long reserveCalls, long liveReservations) {
        @Override
        public String toString() {
            return cell;
        }
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                new Row("success: reserved", f -> { }, List.of("InventoryReserved"), InventoryStatus.RESERVED,
                        List.of(), null, 1, 1),
                new Row("transient once: a quick retry reserves", f -> f.fail("stock.reserve", FailureCategory.TRANSIENT),
                        List.of("InventoryReserved"), InventoryStatus.RESERVED, List.of(), null, 2, 1),
                new Row("transient beyond the quick retries: deferred retry",
                        f -> f.fail("stock.reserve", FailureCategory.TRANSIENT)
                                .fail("stock.reserve", FailureCategory.TRANSIENT),
                        List.of(), InventoryStatus.RETRY_SCHEDULED, List.of(DeferralKinds.RESERVE_RETRY),
                        TestStage.FIRST_DEFERRAL, 2, 0),
                new Row("overload with a long Retry-After: no hammering, deferred past it",
                        f -> f.overloaded("stock.reserve", Duration.ofSeconds(30)),
                        List.of(), InventoryStatus.RETRY_SCHEDULED, List.of(DeferralKinds.RESERVE_RETRY),
                        Duration.ofSeconds(30), 1, 0),
                new Row("ambiguous, work done: the status query finds the reservation",
                        f -> f.loseReplyAfterWork("stock.reserve"),
                        List.of("InventoryReserved"), InventoryStatus.RESERVED, List.of(), null, 1, 1),
                new Row("ambiguous, not done: unknown key, deferred retry with the same key",
                        f -> f.fail("stock.reserve", FailureCategory.AMBIGUOUS),
                        List.of(), InventoryStatus.RETRY_SCHEDULED, List.of(DeferralKinds.RESERVE_RETRY),
                        TestStage.FIRST_DEFERRAL, 1, 0),
                new Row("ambiguous, refused: the status query finds the rejection",
                        f -> f.stock("SKU-1", 0).loseReplyAfterWork("stock.reserve"),
                        List.of("InventoryRejected"), InventoryStatus.REJECTED, List.of(), null, 1, 0),
                new Row("ambiguous, status query fails too: pending and a status re-check",
                        f -> f.fail("stock.reserve", FailureCategory.AMBIGUOUS)
                                .fail("stock.status", FailureCategory.AMBIGUOUS),
                        List.of("InventoryPending"), InventoryStatus.PENDING, List.of(DeferralKinds.STATUS_RECHECK),
                        TestStage.FIRST_STATUS_CHECK, 1, 0),
                new Row("business: out of stock fails fast, no retry",
                        f -> f.stock("SKU-1", 1),
                        List.of("InventoryRejected"), InventoryStatus.REJECTED, List.of(), null, 1, 0))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void eachOutcomeOfTheReserveCallGetsTheInventoryReaction(Row row) {
        TestStage stage = new TestStage(ORDER);
        row.faults().accept(stage.stock);

        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2));

        assertThat(stage.order.eventTypes()).as("events").isEqualTo(row.events());
        assertThat(stage.order.state().status()).as("status").isEqualTo(row.status());
        assertThat(stage.order.deferred.keySet()).as("deferred work").containsExactlyElementsOf(row.deferrals());
        if (row.dueIn() != null) {
            assertThat(stage.order.deferred.get(row.deferrals().get(0)).deferral().dueAt())
                    .isEqualTo(stage.now().plus(row.dueIn()));
        }
        assertThat(stage.stock.count("stock.reserve")).as("reserve calls").isEqualTo(row.reserveCalls());
        assertThat(stage.stock.liveReservations()).as("reservations held").isEqualTo(row.liveReservations());
        assertThat(stage.stock.reserveKeys).as("every call under the order's key").containsOnly("inv-o-1-1");
    }

    @Test
    void aReservationAnnouncesItsReferenceAndExpiry() {
        TestStage stage = new TestStage(ORDER);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2));

        InventoryReserved reserved = stage.order.lastEvent(InventoryReserved.class);
        assertThat(reserved.getReservationId()).isEqualTo("res-1");
        assertThat(reserved.getExpiresAt()).isNotNull();
        assertThat(reserved.getMetadata().getOrderId()).isEqualTo(ORDER);
        assertThat(reserved.getMetadata().getCausationId()).isEqualTo("cause-" + ORDER);
        assertThat(stage.order.emitted.get(0).topic()).isEqualTo(TestStage.TOPIC);
    }

    @Test
    void aRejectionMapsTheProvidersReasonAndNamesTheShortSkus() {
        TestStage stage = new TestStage(ORDER);
        stage.stock.stock("SKU-1", 1);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2));

        InventoryRejected rejected = stage.order.lastEvent(InventoryRejected.class);
        assertThat(rejected.getReasonCode()).isEqualTo(InventoryRejectionReason.OUT_OF_STOCK);
        assertThat(rejected.getUnavailableSkus()).containsExactly("SKU-1");
    }

    @Test
    void aReasonCodeThisServiceDoesNotKnowBecomesOther() {
        assertThat(InventoryEvents.rejectionReason("WAREHOUSE_ON_FIRE")).isEqualTo(InventoryRejectionReason.OTHER);
        assertThat(InventoryEvents.rejectionReason("UNKNOWN_SKU")).isEqualTo(InventoryRejectionReason.UNKNOWN_SKU);
    }

    @Test
    void pendingSaysWhyAndWhenTheNextCheckRuns() {
        TestStage stage = new TestStage(ORDER);
        stage.stock.fail("stock.reserve", FailureCategory.AMBIGUOUS).fail("stock.status", FailureCategory.TRANSIENT)
                .fail("stock.status", FailureCategory.TRANSIENT);
        stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2));

        InventoryPending pending = stage.order.lastEvent(InventoryPending.class);
        assertThat(pending.getReason()).contains("reserve").contains("status query");
        assertThat(pending.getNextCheckAt()).isEqualTo(stage.now().plus(TestStage.FIRST_STATUS_CHECK));
    }

    @Test
    void aRequestTheProviderCallsOurBugIsNotRetriedAndTheEventIsDeadLettered() {
        TestStage stage = new TestStage(ORDER);
        stage.stock.fail("stock.reserve", FailureCategory.INTERNAL);

        assertThatThrownBy(() -> stage.order.send(TestEvents.placed(ORDER, "SKU-1", 2)))
                .isInstanceOf(ClassifiedException.class)
                .satisfies(e -> assertThat(((ClassifiedException) e).category().retryable()).isFalse());
        assertThat(stage.stock.count("stock.reserve")).isEqualTo(1);
    }
}
