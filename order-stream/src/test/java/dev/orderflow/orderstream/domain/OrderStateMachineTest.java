package dev.orderflow.orderstream.domain;

import static dev.orderflow.orderstream.domain.OrderState.BLOCKED;
import static dev.orderflow.orderstream.domain.OrderState.CANCELLED;
import static dev.orderflow.orderstream.domain.OrderState.COMPENSATING;
import static dev.orderflow.orderstream.domain.OrderState.DELIVERED;
import static dev.orderflow.orderstream.domain.OrderState.ESCALATED;
import static dev.orderflow.orderstream.domain.OrderState.FULFILLING;
import static dev.orderflow.orderstream.domain.OrderState.INVENTORY_PENDING;
import static dev.orderflow.orderstream.domain.OrderState.INVENTORY_RESERVED;
import static dev.orderflow.orderstream.domain.OrderState.PAYMENT_AUTHORIZED;
import static dev.orderflow.orderstream.domain.OrderState.PAYMENT_PENDING;
import static dev.orderflow.orderstream.domain.OrderState.PLACED;
import static dev.orderflow.orderstream.domain.OrderState.REJECTED;
import static dev.orderflow.orderstream.domain.OrderState.RESOLVED;
import static dev.orderflow.orderstream.domain.OrderState.SHIPMENT_ACCEPTED;
import static dev.orderflow.orderstream.domain.OrderState.SHIPMENT_PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final OrderStateMachine machine = new OrderStateMachine(
            EscalationPolicy.of(EscalationPolicy.defaultDeadlines()), new ViewLimits(10, 20, 5));
    private int sequence;
    private Instant clock = T0;

    private OrderEvent event(EventType type) {
        clock = clock.plusSeconds(1);
        return OrderEvent.of("e-" + (++sequence), "o-1", type, clock, 1).withCorrelationId("c-1");
    }

    private OrderView run(OrderView view, OrderEvent... events) {
        OrderView v = view;
        for (OrderEvent e : events) {
            v = machine.apply(v, e).view();
        }
        return v;
    }

    private OrderView placedAndReserved() {
        return run(null, event(EventType.ORDER_PLACED), event(EventType.INVENTORY_RESERVED));
    }

    private OrderView authorized() {
        return run(placedAndReserved(), event(EventType.PAYMENT_AUTHORIZED));
    }

    @Test
    void happyPathEndsDeliveredWithEveryTransitionInTheTimeline() {
        OrderView v = run(authorized(), event(EventType.SHIPMENT_ACCEPTED), event(EventType.INVENTORY_COMMITTED),
                event(EventType.FULFILLMENT_PROGRESSED).withFulfillmentStep(FulfillmentStep.PICKED),
                event(EventType.FULFILLMENT_PROGRESSED).withFulfillmentStep(FulfillmentStep.DELIVERED));

        assertThat(v.state()).isEqualTo(DELIVERED);
        assertThat(v.timeline()).extracting(Transition::to).containsExactly(PLACED, INVENTORY_RESERVED,
                PAYMENT_AUTHORIZED, SHIPMENT_ACCEPTED, SHIPMENT_ACCEPTED, FULFILLING, DELIVERED);
        assertThat(v.timeline()).extracting(Transition::eventId).doesNotHaveDuplicates();
        assertThat(v.anomalies()).isEmpty();
        assertThat(v.deadline()).isNull();
        assertThat(v.correlationId()).isEqualTo("c-1");
    }

    @Test
    void pendingStatesCarryTheirPendingActionAndDeadline() {
        OrderEvent pending = event(EventType.PAYMENT_PENDING).withNextCheckAt(T0.plusSeconds(60));
        OrderView v = run(placedAndReserved(), pending);

        assertThat(v.state()).isEqualTo(PAYMENT_PENDING);
        assertThat(v.pendingActions()).containsExactly(new PendingAction(PendingAction.Kind.PAYMENT_STATUS_CHECK,
                T0.plusSeconds(60)));
        assertThat(v.deadline()).isEqualTo(pending.occurredAt().plus(Duration.ofMinutes(15)));
    }

    @Test
    void inventoryPendingThenRejectedEndsRejectedWithTheReason() {
        OrderView v = run(null, event(EventType.ORDER_PLACED), event(EventType.INVENTORY_PENDING),
                event(EventType.INVENTORY_REJECTED).withReason("OUT_OF_STOCK"));

        assertThat(v.state()).isEqualTo(REJECTED);
        assertThat(v.reason()).isEqualTo("OUT_OF_STOCK");
        assertThat(v.timeline()).extracting(Transition::to).containsExactly(PLACED, INVENTORY_PENDING, REJECTED);
    }

    @Test
    void aDuplicateEventChangesNothing() {
        OrderEvent reserved = event(EventType.INVENTORY_RESERVED);
        OrderView once = run(null, event(EventType.ORDER_PLACED), reserved);

        OrderStateMachine.Result again = machine.apply(once, reserved);

        assertThat(again.changed()).isFalse();
        assertThat(again.view()).isSameAs(once);
    }

    @Test
    void anInvalidTransitionIsFlaggedAndTheStateStays() {
        OrderView v = run(null, event(EventType.ORDER_PLACED), event(EventType.SHIPMENT_ACCEPTED));

        assertThat(v.state()).isEqualTo(PLACED);
        assertThat(v.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Anomaly.Kind.INVALID_TRANSITION);
            assertThat(a.eventType()).isEqualTo("SHIPMENT_ACCEPTED");
        });
    }

    @Test
    void aLateEventIsFlaggedOutOfOrder() {
        OrderView v = run(null, event(EventType.ORDER_PLACED));
        OrderEvent late = OrderEvent.of("late", "o-1", EventType.INVENTORY_RESERVED, T0.minusSeconds(30), 1);

        OrderView after = machine.apply(v, late).view();

        assertThat(after.state()).isEqualTo(INVENTORY_RESERVED);
        assertThat(after.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.OUT_OF_ORDER);
    }

    @Test
    void eventsArrivingBeforeTheStateTheyFollowAreParkedAndAppliedOnceTheyFit() {
        OrderEvent placed = event(EventType.ORDER_PLACED);
        OrderEvent reserved = event(EventType.INVENTORY_RESERVED);
        OrderEvent declined = event(EventType.PAYMENT_DECLINED);
        OrderEvent released = event(EventType.INVENTORY_RELEASED);

        OrderView early = run(null, placed, declined, released);
        assertThat(early.state()).isEqualTo(PLACED);
        assertThat(early.parkedEvents()).extracting(OrderEvent::eventId)
                .containsExactly(declined.eventId(), released.eventId());

        OrderView v = run(early, reserved);

        assertThat(v.state()).isEqualTo(CANCELLED);
        assertThat(v.parkedEvents()).isEmpty();
        assertThat(v.timeline()).extracting(Transition::to).containsExactly(PLACED, INVENTORY_RESERVED, COMPENSATING,
                CANCELLED);
        assertThat(v.anomalies()).extracting(Anomaly::kind).contains(Anomaly.Kind.OUT_OF_ORDER);
    }

    @Test
    void eventsForAClosedOrderAreNotParked() {
        OrderView v = run(null, event(EventType.ORDER_PLACED), event(EventType.INVENTORY_REJECTED),
                event(EventType.PAYMENT_AUTHORIZED));

        assertThat(v.state()).isEqualTo(REJECTED);
        assertThat(v.parkedEvents()).isEmpty();
        assertThat(v.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.INVALID_TRANSITION);
    }

    @Test
    void aStageEventBeforeOrderPlacedStartsTheOrderAndIsFlagged() {
        OrderView v = run(null, event(EventType.INVENTORY_RESERVED), event(EventType.ORDER_PLACED));

        assertThat(v.state()).isEqualTo(INVENTORY_RESERVED);
        assertThat(v.anomalies()).extracting(Anomaly::kind)
                .containsExactly(Anomaly.Kind.MISSING_ORDER_PLACED, Anomaly.Kind.OUT_OF_ORDER);
    }

    @Test
    void declinedPaymentCompensatesThenCancelsWhenStockIsReleased() {
        OrderView compensating = run(placedAndReserved(),
                event(EventType.PAYMENT_DECLINED).withReason("CARD_DECLINED"));
        assertThat(compensating.state()).isEqualTo(COMPENSATING);
        assertThat(compensating.pendingActions()).extracting(PendingAction::kind)
                .containsExactly(PendingAction.Kind.RELEASE_INVENTORY);

        OrderView cancelled = run(compensating, event(EventType.INVENTORY_RELEASED));
        assertThat(cancelled.state()).isEqualTo(CANCELLED);
        assertThat(cancelled.reason()).contains("CARD_DECLINED");
        assertThat(cancelled.pendingActions()).isEmpty();
    }

    @Test
    void aSupersededReleaseDoesNotCompleteCompensation() {
        OrderView v = run(placedAndReserved(), event(EventType.PAYMENT_DECLINED),
                event(EventType.INVENTORY_RELEASED).withSuperseded(true));

        assertThat(v.state()).isEqualTo(COMPENSATING);
    }

    @Test
    void shipmentRejectedBlocksAndCancelWithCompensationUndoesStockAndPayment() {
        OrderView blocked = run(authorized(), event(EventType.SHIPMENT_REJECTED).withReason("INVALID_ADDRESS"));
        assertThat(blocked.state()).isEqualTo(BLOCKED);
        assertThat(blocked.reason()).isEqualTo("INVALID_ADDRESS");

        OrderView compensating = run(blocked, event(EventType.CANCEL_ORDER_COMMAND).withCompensate(true)
                .withReason("customer asked"));
        assertThat(compensating.state()).isEqualTo(COMPENSATING);
        assertThat(compensating.pendingActions()).extracting(PendingAction::kind).containsExactly(
                PendingAction.Kind.RELEASE_INVENTORY, PendingAction.Kind.REVERSE_PAYMENT);

        OrderView released = run(compensating, event(EventType.INVENTORY_RELEASED));
        assertThat(released.state()).isEqualTo(COMPENSATING);
        OrderView cancelled = run(released, event(EventType.PAYMENT_VOIDED));
        assertThat(cancelled.state()).isEqualTo(CANCELLED);
        assertThat(cancelled.timeline()).extracting(Transition::eventType).contains("CANCEL_ORDER_COMMAND");
    }

    @Test
    void cancelWithoutCompensationResolvesTheOrder() {
        OrderView blocked = run(authorized(), event(EventType.SHIPMENT_REJECTED));

        OrderView v = run(blocked, event(EventType.CANCEL_ORDER_COMMAND).withReason("shipped by hand"));

        assertThat(v.state()).isEqualTo(RESOLVED);
        assertThat(v.reason()).contains("shipped by hand");
    }

    @Test
    void cancelIsRefusedWhileThePaymentIsAmbiguous() {
        OrderView v = run(placedAndReserved(), event(EventType.PAYMENT_PENDING),
                event(EventType.CANCEL_ORDER_COMMAND).withCompensate(true));

        assertThat(v.state()).isEqualTo(PAYMENT_PENDING);
        assertThat(v.anomalies()).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.INVALID_TRANSITION);
    }

    @Test
    void retryShippingSendsABlockedOrderBackToShipmentPending() {
        OrderView v = run(authorized(), event(EventType.SHIPMENT_REJECTED),
                event(EventType.RETRY_SHIPPING_COMMAND).withReason("address fixed"));

        assertThat(v.state()).isEqualTo(SHIPMENT_PENDING);
        assertThat(v.attempts()).containsEntry(Stage.SHIPPING, 1);
    }

    @Test
    void fulfillmentExceptionBlocksTheOrder() {
        OrderView v = run(authorized(), event(EventType.SHIPMENT_ACCEPTED),
                event(EventType.FULFILLMENT_PROGRESSED).withFulfillmentStep(FulfillmentStep.EXCEPTION)
                        .withReason("parcel damaged"));

        assertThat(v.state()).isEqualTo(BLOCKED);
        assertThat(v.pendingActions()).extracting(PendingAction::kind)
                .containsExactly(PendingAction.Kind.OPERATOR_DECISION);
    }

    @Test
    void fulfillmentProgressRestartsTheDeadlineClock() {
        OrderView first = run(authorized(), event(EventType.SHIPMENT_ACCEPTED),
                event(EventType.FULFILLMENT_PROGRESSED).withFulfillmentStep(FulfillmentStep.PICKED));
        OrderEvent packed = event(EventType.FULFILLMENT_PROGRESSED).withFulfillmentStep(FulfillmentStep.PACKED);

        OrderView second = run(first, packed);

        assertThat(second.deadline()).isEqualTo(packed.occurredAt().plus(Duration.ofHours(48)));
        assertThat(second.stateEnteredAt()).isEqualTo(first.stateEnteredAt());
    }

    @Test
    void escalatesOncePerStuckEpisode() {
        OrderView pending = run(placedAndReserved(), event(EventType.PAYMENT_PENDING));
        Instant due = pending.deadline();

        assertThat(machine.escalateIfDue(pending, due.minusMillis(1))).isEmpty();
        Escalation escalation = machine.escalateIfDue(pending, due).orElseThrow();

        assertThat(escalation.view().state()).isEqualTo(ESCALATED);
        assertThat(escalation.view().escalatedFrom()).isEqualTo(PAYMENT_PENDING);
        assertThat(escalation.stuckState()).isEqualTo(PAYMENT_PENDING);
        assertThat(escalation.deadline()).isEqualTo(due);
        assertThat(machine.escalateIfDue(escalation.view(), due.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(machine.escalateIfDue(pending, due).orElseThrow().eventId()).isEqualTo(escalation.eventId());
    }

    @Test
    void aLateResolvingEventMovesAnEscalatedOrderOnAndStartsANewEpisode() {
        OrderView pending = run(placedAndReserved(), event(EventType.PAYMENT_PENDING));
        OrderView escalated = machine.escalateIfDue(pending, pending.deadline()).orElseThrow().view();

        OrderView stillEscalated = run(escalated, event(EventType.PAYMENT_PENDING));
        assertThat(stillEscalated.state()).isEqualTo(ESCALATED);
        assertThat(stillEscalated.deadline()).isNull();

        OrderView moved = run(stillEscalated, event(EventType.PAYMENT_AUTHORIZED));
        assertThat(moved.state()).isEqualTo(PAYMENT_AUTHORIZED);
        assertThat(moved.escalatedFrom()).isNull();
        assertThat(moved.deadline()).isNotNull();
        assertThat(machine.escalateIfDue(moved, moved.deadline())).isPresent();
    }

    @Test
    void resolvePaymentCommandClosesAnEscalatedPaymentWithTheVerifiedOutcome() {
        OrderView pending = run(placedAndReserved(), event(EventType.PAYMENT_PENDING));
        OrderView escalated = machine.escalateIfDue(pending, pending.deadline()).orElseThrow().view();

        OrderView authorized = run(escalated, event(EventType.RESOLVE_PAYMENT_COMMAND)
                .withPaymentOutcome(PaymentOutcome.AUTHORIZED));
        OrderView failed = run(escalated, event(EventType.RESOLVE_PAYMENT_COMMAND)
                .withPaymentOutcome(PaymentOutcome.FAILED));

        assertThat(authorized.state()).isEqualTo(PAYMENT_AUTHORIZED);
        assertThat(failed.state()).isEqualTo(COMPENSATING);
        assertThat(failed.pendingActions()).extracting(PendingAction::kind)
                .containsExactly(PendingAction.Kind.RELEASE_INVENTORY);
    }

    @Test
    void thePaymentConsumersEscalationPutsTheOrderInTheQueue() {
        OrderView v = run(placedAndReserved(), event(EventType.PAYMENT_PENDING),
                event(EventType.ORDER_ESCALATED).withReason("outcome unknown after 15 min"));

        assertThat(v.state()).isEqualTo(ESCALATED);
        assertThat(v.escalatedFrom()).isEqualTo(PAYMENT_PENDING);
        assertThat(v.reason()).isEqualTo("outcome unknown after 15 min");
        assertThat(machine.escalateIfDue(v, T0.plus(Duration.ofDays(2)))).isEmpty();
    }

    @Test
    void terminalStatesHaveNoDeadline() {
        OrderView rejected = run(null, event(EventType.ORDER_PLACED), event(EventType.INVENTORY_REJECTED));

        assertThat(rejected.deadline()).isNull();
        assertThat(machine.escalateIfDue(rejected, T0.plus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void timelineDedupeWindowAndAnomaliesAreBounded() {
        OrderView v = run(null, event(EventType.ORDER_PLACED));
        for (int i = 0; i < 30; i++) {
            v = run(v, event(EventType.INVENTORY_PENDING), event(EventType.SHIPMENT_ACCEPTED));
        }

        assertThat(v.timeline()).hasSize(10);
        assertThat(v.droppedTransitions()).isEqualTo(21);
        assertThat(v.seenEventIds()).hasSize(20);
        assertThat(v.anomalies()).hasSize(5);
        assertThat(v.version()).isEqualTo(61);
    }

    @Test
    void attemptsKeepTheHighestPerStage() {
        OrderView v = run(null, event(EventType.ORDER_PLACED),
                OrderEvent.of("a2", "o-1", EventType.INVENTORY_PENDING, T0.plusSeconds(50), 2),
                OrderEvent.of("a1", "o-1", EventType.INVENTORY_PENDING, T0.plusSeconds(60), 1));

        assertThat(v.attempts()).isEqualTo(Map.of(Stage.INVENTORY, 2));
    }

    @Test
    void policyRejectsDeadlinesForTerminalStates() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                EscalationPolicy.of(Map.of(DELIVERED, Duration.ofMinutes(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DELIVERED");
        assertThat(List.of(OrderState.values())).filteredOn(OrderState::terminal)
                .containsExactlyInAnyOrder(DELIVERED, REJECTED, CANCELLED, RESOLVED);
    }
}
