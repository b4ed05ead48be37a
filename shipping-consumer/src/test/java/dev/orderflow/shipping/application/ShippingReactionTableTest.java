package dev.orderflow.shipping.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.ShipmentPending;
import dev.orderflow.events.ShipmentRejected;
import dev.orderflow.events.ShipmentRejectionReason;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.shipping.domain.ShippingStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §1, shipping column, cell by cell: how the fulfillment request ends decides the event, the stage state,
 * the deferred work and how many shipments the provider holds afterwards.
 */
class ShippingReactionTableTest {

    private static final String ORDER = "o-1";

    record Row(String cell, Consumer<FakeFulfillmentApi> faults, List<String> events, ShippingStatus status,
            List<String> deferrals, Duration dueIn, long requests, int shipments) {
        @Override
        public String toString() {
            return cell;
        }
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                new Row("success: accepted (not delivered), progress followed", f -> { },
                        List.of("ShipmentAccepted"), ShippingStatus.ACCEPTED, List.of(DeferralKinds.PROGRESS_POLL),
                        TestStage.FIRST_STATUS_CHECK, 1, 1),
                new Row("transient once: a quick retry is safe under the key",
                        f -> f.fail("fulfillment.accept", FailureCategory.TRANSIENT),
                        List.of("ShipmentAccepted"), ShippingStatus.ACCEPTED, List.of(DeferralKinds.PROGRESS_POLL),
                        TestStage.FIRST_STATUS_CHECK, 2, 1),
                new Row("transient beyond the quick retries: deferred retry",
                        f -> f.fail("fulfillment.accept", FailureCategory.TRANSIENT)
                                .fail("fulfillment.accept", FailureCategory.TRANSIENT),
                        List.of(), ShippingStatus.RETRY_SCHEDULED, List.of(DeferralKinds.ACCEPT_RETRY),
                        TestStage.FIRST_DEFERRAL, 2, 0),
                new Row("overload with Retry-After: deferred past it, no hammering",
                        f -> f.fail("fulfillment.accept", FailureCategory.OVERLOAD),
                        List.of(), ShippingStatus.RETRY_SCHEDULED, List.of(DeferralKinds.ACCEPT_RETRY),
                        Duration.ofSeconds(20), 1, 0),
                new Row("timeout, accepted: the status query confirms the shipment",
                        f -> f.loseReplyAfterWork("fulfillment.accept"),
                        List.of("ShipmentAccepted"), ShippingStatus.ACCEPTED, List.of(DeferralKinds.PROGRESS_POLL),
                        TestStage.FIRST_STATUS_CHECK, 1, 1),
                new Row("timeout, not accepted: deferred retry with the same key",
                        f -> f.fail("fulfillment.accept", FailureCategory.AMBIGUOUS),
                        List.of(), ShippingStatus.RETRY_SCHEDULED, List.of(DeferralKinds.ACCEPT_RETRY),
                        TestStage.FIRST_DEFERRAL, 1, 0),
                new Row("timeout, still unknown: pending and a status re-check",
                        f -> f.fail("fulfillment.accept", FailureCategory.AMBIGUOUS)
                                .fail("fulfillment.status", FailureCategory.AMBIGUOUS),
                        List.of("ShipmentPending"), ShippingStatus.PENDING, List.of(DeferralKinds.STATUS_RECHECK),
                        TestStage.FIRST_STATUS_CHECK, 1, 0),
                new Row("business: refused at acceptance, fail fast, order blocked",
                        f -> f.fail("fulfillment.accept", FailureCategory.BUSINESS),
                        List.of("ShipmentRejected"), ShippingStatus.REJECTED, List.of(), null, 1, 0))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void eachOutcomeOfTheRequestGetsTheShippingReaction(Row row) {
        TestStage stage = new TestStage(ORDER);
        row.faults().accept(stage.provider);

        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));

        assertThat(stage.order.eventTypes()).as("events").isEqualTo(row.events());
        assertThat(stage.order.state().status()).as("status").isEqualTo(row.status());
        assertThat(stage.order.deferred.keySet()).as("deferred work").containsExactlyElementsOf(row.deferrals());
        if (row.dueIn() != null) {
            assertThat(stage.order.deferred.get(row.deferrals().get(0)).deferral().dueAt())
                    .isEqualTo(stage.now().plus(row.dueIn()));
        }
        assertThat(stage.provider.count("fulfillment.accept")).as("requests").isEqualTo(row.requests());
        assertThat(stage.provider.shipmentCount()).as("shipments").isEqualTo(row.shipments());
        assertThat(stage.provider.acceptKeys).as("every request under the order's key").containsOnly("ship-o-1-1");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(TestEvents.placed(ORDER, "SKU-1", "00000", "AT"), ShipmentRejectionReason.INVALID_ADDRESS),
                Arguments.of(TestEvents.placed(ORDER, "SKU-1", "1010", "XX"),
                        ShipmentRejectionReason.UNSUPPORTED_DESTINATION),
                Arguments.of(TestEvents.placed(ORDER, "RESTRICTED-1", "1010", "AT"),
                        ShipmentRejectionReason.RESTRICTED_ITEM));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void eachRefusalIsAnnouncedWithItsReasonAndNothingIsRolledBack(dev.orderflow.events.OrderPlaced placed,
            ShipmentRejectionReason reason) {
        TestStage stage = new TestStage(ORDER);
        stage.order.send(placed).send(TestEvents.authorized(ORDER));

        assertThat(stage.order.lastEvent(ShipmentRejected.class).getReasonCode()).isEqualTo(reason);
        assertThat(stage.order.eventTypes()).as("no compensation of the payment").containsExactly("ShipmentRejected");
        assertThat(stage.order.deferred).isEmpty();
    }

    @Test
    void aReasonCodeThisServiceDoesNotKnowBecomesOther() {
        assertThat(ShippingEvents.rejectionReason("CARRIER_ON_STRIKE")).isEqualTo(ShipmentRejectionReason.OTHER);
    }

    @Test
    void pendingSaysWhyAndWhenTheNextCheckRuns() {
        TestStage stage = new TestStage(ORDER);
        stage.provider.fail("fulfillment.accept", FailureCategory.AMBIGUOUS)
                .fail("fulfillment.status", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));

        ShipmentPending pending = stage.order.lastEvent(ShipmentPending.class);
        assertThat(pending.getReason()).contains("request").contains("status query");
        assertThat(pending.getNextCheckAt()).isEqualTo(stage.now().plus(TestStage.FIRST_STATUS_CHECK));
    }

    @Test
    void aRequestTheProviderCallsOurBugIsNotRetriedAndTheEventIsDeadLettered() {
        TestStage stage = new TestStage(ORDER);
        stage.provider.fail("fulfillment.accept", FailureCategory.INTERNAL);
        stage.order.send(TestEvents.placed(ORDER));

        assertThatThrownBy(() -> stage.order.send(TestEvents.authorized(ORDER)))
                .isInstanceOf(ClassifiedException.class)
                .satisfies(e -> assertThat(((ClassifiedException) e).category().retryable()).isFalse());
    }
}
