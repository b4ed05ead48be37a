package dev.orderflow.shipping.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.ShipmentAccepted;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.shipping.domain.ShippingStatus;
import org.junit.jupiter.api.Test;

/** Order and payment in either order, redelivery, operator retry and cancel, deferred acceptance work and deadlines. */
class ShippingFlowTest {

    private static final String ORDER = "o-2";
    private final TestStage stage = new TestStage(ORDER);

    @Test
    void nothingIsRequestedWithoutAConfirmedPayment() {
        stage.order.send(TestEvents.placed(ORDER));

        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.WAITING);
        assertThat(stage.order.state().orderKnown()).isTrue();
        assertThat(stage.provider.calls).isEmpty();
    }

    @Test
    void aPaymentThatArrivesBeforeTheOrderIsRememberedAndTheRequestFollowsTheOrder() {
        stage.order.send(TestEvents.authorized(ORDER));
        assertThat(stage.provider.calls).isEmpty();

        stage.order.send(TestEvents.placed(ORDER));

        assertThat(stage.order.eventTypes()).containsExactly("ShipmentAccepted");
        assertThat(stage.order.state().authorizationId()).isEqualTo("auth-1");
    }

    @Test
    void aSecondPaymentOrOrderEventRequestsNothingMore() {
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER))
                .send(TestEvents.authorized(ORDER)).send(TestEvents.placed(ORDER));

        assertThat(stage.order.eventTypes()).containsExactly("ShipmentAccepted");
        assertThat(stage.provider.count("fulfillment.accept")).isEqualTo(1);
    }

    @Test
    void anOperatorsRetryAfterARejectionIsANewAttemptUnderANewKeyVersion() {
        stage.provider.fail("fulfillment.accept", FailureCategory.BUSINESS);
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));
        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.REJECTED);

        stage.order.send(TestEvents.retry(ORDER));

        assertThat(stage.order.eventTypes()).containsExactly("ShipmentRejected", "ShipmentAccepted");
        assertThat(stage.provider.acceptKeys).containsExactly("ship-o-2-1", "ship-o-2-2");
        assertThat(stage.order.lastEvent(ShipmentAccepted.class).getMetadata().getAttempt()).isEqualTo(2);
    }

    @Test
    void aRetryCommandWithoutARejectionIsIgnored() {
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER)).send(TestEvents.retry(ORDER));

        assertThat(stage.provider.count("fulfillment.accept")).isEqualTo(1);
        assertThat(stage.order.last.stateChanged()).isFalse();
    }

    @Test
    void aDeferredRetryRequestsUnderTheSameKey() {
        stage.provider.fail("fulfillment.accept", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));

        stage.order.fire(DeferralKinds.ACCEPT_RETRY);

        assertThat(stage.order.eventTypes()).containsExactly("ShipmentAccepted");
        assertThat(stage.provider.acceptKeys).containsOnly("ship-o-2-1");
        assertThat(stage.provider.shipmentCount()).isEqualTo(1);
    }

    @Test
    void aReCheckThatFindsTheShipmentAcceptsItWithoutASecondRequest() {
        stage.provider.loseReplyAfterWork("fulfillment.accept").fail("fulfillment.status", FailureCategory.TRANSIENT)
                .fail("fulfillment.status", FailureCategory.TRANSIENT);
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));
        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.PENDING);

        stage.order.fire(DeferralKinds.STATUS_RECHECK);

        assertThat(stage.order.eventTypes()).containsExactly("ShipmentPending", "ShipmentAccepted");
        assertThat(stage.provider.count("fulfillment.accept")).isEqualTo(1);
    }

    @Test
    void acceptanceStillUnknownAtTheDeadlineIsEscalated() {
        stage.provider.fail("fulfillment.accept", FailureCategory.AMBIGUOUS);
        for (int i = 0; i < 4; i++) {
            stage.provider.fail("fulfillment.status", FailureCategory.AMBIGUOUS);
        }
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));

        stage.order.fire(DeferralKinds.STATUS_RECHECK, TestStage.DEADLINE);

        assertThat(stage.order.eventTypes()).containsExactly("ShipmentPending", "OrderEscalated");
        assertThat(stage.order.lastEvent(dev.orderflow.events.OrderEscalated.class).getStuckState())
                .isEqualTo("SHIPMENT_PENDING");
        assertThat(stage.order.deferred).isEmpty();
    }

    @Test
    void aRetryDueAfterTheDeadlineEscalatesInsteadOfRequesting() {
        stage.provider.fail("fulfillment.accept", FailureCategory.OVERLOAD);
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER));

        stage.order.fire(DeferralKinds.ACCEPT_RETRY, TestStage.DEADLINE);

        assertThat(stage.order.eventTypes()).containsExactly("OrderEscalated");
        assertThat(stage.provider.count("fulfillment.accept")).isEqualTo(1);
    }

    @Test
    void aCancelBeforeTheRequestMeansNoShipmentEvenWhenThePaymentArrivesLater() {
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.cancel(ORDER, true))
                .send(TestEvents.authorized(ORDER));

        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.CANCELLED);
        assertThat(stage.provider.calls).isEmpty();
    }

    @Test
    void aCancelWhileAcceptanceIsUnknownEndsTheStageWhenTheProviderHasNothing() {
        stage.provider.fail("fulfillment.accept", FailureCategory.AMBIGUOUS)
                .fail("fulfillment.status", FailureCategory.AMBIGUOUS);
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER))
                .send(TestEvents.cancel(ORDER, true));

        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.CANCELLED);
        assertThat(stage.order.deferred).isEmpty();
        assertThat(stage.provider.shipmentCount()).isZero();
    }

    @Test
    void aCancelAfterAcceptanceIsEscalatedAndTheShipmentStillFollowed() {
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.authorized(ORDER))
                .send(TestEvents.cancel(ORDER, true));

        assertThat(stage.order.eventTypes()).containsExactly("ShipmentAccepted", "OrderEscalated");
        assertThat(stage.order.deferred).containsOnlyKeys(DeferralKinds.PROGRESS_POLL);
    }

    @Test
    void aCancelWithoutCompensationChangesNothing() {
        stage.order.send(TestEvents.placed(ORDER)).send(TestEvents.cancel(ORDER, false));

        assertThat(stage.order.state().status()).isEqualTo(ShippingStatus.WAITING);
        assertThat(stage.order.last.stateChanged()).isFalse();
    }
}
