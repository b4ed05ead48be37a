package dev.orderflow.payment;

import static dev.orderflow.payment.FakeGateway.declined;
import static dev.orderflow.payment.FakeGateway.fail;
import static dev.orderflow.payment.FakeGateway.ok;
import static dev.orderflow.payment.FakeGateway.statusRejected;
import static dev.orderflow.payment.FakeGateway.statusSucceeded;
import static dev.orderflow.payment.FakeGateway.statusUnknown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.PaymentDeclineReason;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.events.PaymentPending;
import dev.orderflow.events.PaymentVoided;
import dev.orderflow.events.ResolvePaymentCommand;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.events.VerifiedPaymentOutcome;
import dev.orderflow.payment.PaymentState.Status;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContexts;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The payment column of DESIGN.md §1, cell by cell, plus pending, deadlines, operators and cancellation. */
class PaymentHandlerTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final String ORDER = "order-1";

    private final FakeGateway gateway = new FakeGateway();
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final PaymentHandler handler = new PaymentHandler(gateway, new StageCallExecutor(
            StagePolicyConfig.load("payment", Map.of(), new PaymentService().policyDefaults()),
            new SimpleMeterRegistry(), Clock.systemUTC()));

    @Test
    void successAuthorizesOnceBothOrderAndReservationAreKnownWhicheverComesFirst() {
        Decision<PaymentState> first = handle(reserved(), null);
        assertThat(first.state().status()).isEqualTo(Status.WAITING);
        assertThat(gateway.calls).isEmpty();
        Decision<PaymentState> second = handle(placed(), first.state());
        assertThat(second.state().status()).isEqualTo(Status.AUTHORIZED);
        assertThat(only(second, PaymentAuthorized.class).getAuthorizationId()).isEqualTo("auth-1");
        assertThat(gateway.calls).containsExactly("authorize pay-order-1-1");
    }

    @Test
    void transientFailuresAreRetriedQuicklyThenDeferredWithTheSameKey() {
        gateway.authorizeAnswers.add(fail(FailureCategory.TRANSIENT));
        gateway.authorizeAnswers.add(fail(FailureCategory.TRANSIENT));
        Decision<PaymentState> d = handle(reserved(), handle(placedOnly(), null).state());
        assertThat(gateway.calls).containsExactly("authorize pay-order-1-1", "authorize pay-order-1-1");
        assertThat(d.state().status()).isEqualTo(Status.RETRY_SCHEDULED);
        assertThat(d.events()).isEmpty();
        assertThat(d.deferrals()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(PaymentHandler.AUTHORIZE_RETRY);
            assertThat(x.dueAt()).isEqualTo(T0.plusSeconds(2));
        });
    }

    @Test
    void overloadHonoursRetryAfterByDeferring() {
        gateway.authorizeAnswers.add(() -> {
            throw new ClassifiedException(FailureCategory.OVERLOAD, "429", Duration.ofSeconds(30), null);
        });
        Decision<PaymentState> d = handle(reserved(), handle(placedOnly(), null).state());
        assertThat(gateway.calls).hasSize(1);
        assertThat(d.deferrals()).singleElement().satisfies(x -> assertThat(x.dueAt()).isEqualTo(T0.plusSeconds(30)));
    }

    @Test
    void aDeferredRetryAsksTheStatusFirstSoAForgottenKeyCannotChargeTwice() {
        PaymentState scheduled = stateWith(Status.RETRY_SCHEDULED);
        gateway.statusAnswers.add(statusSucceeded("auth-9"));
        Decision<PaymentState> d = handler.onDeferred(action(PaymentHandler.AUTHORIZE_RETRY, 1), scheduled, context());
        assertThat(gateway.calls).containsExactly("status pay-order-1-1");
        assertThat(only(d, PaymentAuthorized.class).getAuthorizationId()).isEqualTo("auth-9");

        gateway.calls.clear();
        d = handler.onDeferred(action(PaymentHandler.AUTHORIZE_RETRY, 1), scheduled, context());
        assertThat(gateway.calls).as("unknown key: authorize again under the same key")
                .containsExactly("status pay-order-1-1", "authorize pay-order-1-1");
        assertThat(d.state().status()).isEqualTo(Status.AUTHORIZED);
    }

    @Test
    void ambiguousThenStatusSucceededResolvesForward() {
        gateway.authorizeAnswers.add(fail(FailureCategory.AMBIGUOUS));
        gateway.statusAnswers.add(statusSucceeded("auth-7"));
        Decision<PaymentState> d = handle(reserved(), handle(placedOnly(), null).state());
        assertThat(only(d, PaymentAuthorized.class).getAuthorizationId()).isEqualTo("auth-7");
        assertThat(gateway.calls).containsExactly("authorize pay-order-1-1", "status pay-order-1-1");
    }

    @Test
    void ambiguousThenStatusRejectedCompensates() {
        gateway.authorizeAnswers.add(fail(FailureCategory.AMBIGUOUS));
        gateway.statusAnswers.add(statusRejected("CARD_DECLINED"));
        Decision<PaymentState> d = handle(reserved(), handle(placedOnly(), null).state());
        assertThat(only(d, PaymentDeclined.class).getReasonCode()).isEqualTo(PaymentDeclineReason.CARD_DECLINED);
    }

    @Test
    void ambiguousThenUnknownKeyRetriesSafelyUnderTheSameKey() {
        gateway.authorizeAnswers.add(fail(FailureCategory.AMBIGUOUS));
        gateway.statusAnswers.add(statusUnknown());
        Decision<PaymentState> d = handle(reserved(), handle(placedOnly(), null).state());
        assertThat(d.state().status()).isEqualTo(Status.RETRY_SCHEDULED);
        assertThat(d.deferrals()).extracting(x -> x.kind()).containsExactly(PaymentHandler.AUTHORIZE_RETRY);
    }

    @Test
    void stillUnknownGoesPendingWithNoShippingNoReleaseNoRefundAndIsRecheckedThenEscalatedOnce() {
        gateway.authorizeAnswers.add(fail(FailureCategory.AMBIGUOUS));
        gateway.statusAnswers.add(fail(FailureCategory.AMBIGUOUS));
        Decision<PaymentState> d = handle(reserved(), handle(placedOnly(), null).state());
        assertThat(d.state().status()).isEqualTo(Status.PENDING);
        PaymentPending pending = only(d, PaymentPending.class);
        assertThat(pending.getEscalateAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(d.events()).as("nothing that would ship, release or refund").hasSize(1);
        assertThat(d.deferrals()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(PaymentHandler.STATUS_CHECK);
            assertThat(x.dueAt()).isEqualTo(T0.plusSeconds(5));
        });

        // Re-checks keep failing; past the deadline the order is escalated, once.
        clock = Clock.fixed(T0.plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        gateway.statusAnswers.add(fail(FailureCategory.AMBIGUOUS));
        Decision<PaymentState> late = handler.onDeferred(action(PaymentHandler.STATUS_CHECK, 4), d.state(), context());
        OrderEscalated escalated = only(late, OrderEscalated.class);
        assertThat(escalated.getStuckState()).isEqualTo("PAYMENT_PENDING");
        assertThat(escalated.getStuckSince()).isEqualTo(T0);
        assertThat(late.state().escalated()).isTrue();
        gateway.statusAnswers.add(fail(FailureCategory.AMBIGUOUS));
        Decision<PaymentState> again = handler.onDeferred(action(PaymentHandler.STATUS_CHECK, 5), late.state(),
                context());
        assertThat(again.events()).as("escalated once per episode").isEmpty();
        assertThat(again.deferrals()).as("still re-checking").hasSize(1);

        // A late answer still resolves it automatically.
        gateway.statusAnswers.add(statusSucceeded("auth-late"));
        Decision<PaymentState> resolved = handler.onDeferred(action(PaymentHandler.STATUS_CHECK, 6), again.state(),
                context());
        assertThat(only(resolved, PaymentAuthorized.class).getAuthorizationId()).isEqualTo("auth-late");
        assertThat(resolved.cancelledKinds()).contains(PaymentHandler.STATUS_CHECK);
    }

    @Test
    void aDeclineFailsFastWithoutRetry() {
        gateway.authorizeAnswers.add(declined("INSUFFICIENT_FUNDS"));
        Decision<PaymentState> d = handle(reserved(), handle(placedOnly(), null).state());
        assertThat(gateway.calls).hasSize(1);
        assertThat(d.state().status()).isEqualTo(Status.DECLINED);
        assertThat(only(d, PaymentDeclined.class).getReasonCode()).isEqualTo(PaymentDeclineReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void ourOwnDefectDeadLettersTheEvent() {
        gateway.authorizeAnswers.add(fail(FailureCategory.INTERNAL));
        PaymentState waiting = handle(placedOnly(), null).state();
        assertThatThrownBy(() -> handle(reserved(), waiting)).isInstanceOf(ClassifiedException.class);
    }

    @Test
    void malformedOrdersAreRefusedByValidation() {
        OrderPlaced bad = OrderPlaced.newBuilder(placed()).setCurrency("euro").setTotalMinor(0)
                .setPaymentMethodToken(" ").build();
        assertThat(handler.validate(bad)).hasSize(3).anySatisfy(p -> assertThat(p).startsWith("currency"));
    }

    @Test
    void anOperatorResolvesAPendingPaymentEitherWay() {
        PaymentState pending = stateWith(Status.PENDING);
        Decision<PaymentState> authorized = handle(resolve(VerifiedPaymentOutcome.AUTHORIZED, "auth-op"), pending);
        assertThat(only(authorized, PaymentAuthorized.class).getAuthorizationId()).isEqualTo("auth-op");
        assertThat(authorized.cancelledKinds()).contains(PaymentHandler.STATUS_CHECK);
        Decision<PaymentState> failed = handle(resolve(VerifiedPaymentOutcome.FAILED, ""), pending);
        assertThat(only(failed, PaymentDeclined.class).getDetail()).contains("resolved by operator alice");
        assertThat(gateway.calls).as("operators checked with the provider themselves").isEmpty();

        Decision<PaymentState> ignored = handle(resolve(VerifiedPaymentOutcome.FAILED, ""), stateWith(Status.AUTHORIZED));
        assertThat(ignored.events()).isEmpty();
        assertThat(ignored.state().note()).contains("ignored");
    }

    @Test
    void cancellingVoidsAnAuthorizationButNeverTouchesAnUnknownOutcomeUntilItIsKnown() {
        Decision<PaymentState> voided = handle(cancel(), stateWith(Status.AUTHORIZED));
        assertThat(only(voided, PaymentVoided.class).getAuthorizationId()).isEqualTo("auth-1");
        assertThat(voided.state().status()).isEqualTo(Status.VOIDED);

        gateway.calls.clear();
        Decision<PaymentState> waiting = handle(cancel(), stateWith(Status.PENDING));
        assertThat(gateway.calls).isEmpty();
        assertThat(waiting.events()).isEmpty();
        assertThat(waiting.state().cancelRequested()).isTrue();

        gateway.statusAnswers.add(statusSucceeded("auth-2"));
        Decision<PaymentState> known = handler.onDeferred(action(PaymentHandler.STATUS_CHECK, 1), waiting.state(),
                context());
        assertThat(known.events()).extracting(e -> e.event().getClass().getSimpleName())
                .containsExactly("PaymentAuthorized", "PaymentVoided");
        assertThat(known.state().status()).isEqualTo(Status.VOIDED);
    }

    @Test
    void aFailedVoidIsRetriedLater() {
        gateway.voidAnswers.add(fail(FailureCategory.TRANSIENT));
        gateway.voidAnswers.add(fail(FailureCategory.TRANSIENT));
        Decision<PaymentState> d = handle(cancel(), stateWith(Status.AUTHORIZED));
        assertThat(d.deferrals()).extracting(x -> x.kind()).containsExactly(PaymentHandler.VOID_RETRY);
        Decision<PaymentState> retried = handler.onDeferred(action(PaymentHandler.VOID_RETRY, 1), d.state(), context());
        assertThat(only(retried, PaymentVoided.class)).isNotNull();
    }

    private Decision<PaymentState> handle(SpecificRecord event, PaymentState state) {
        EventMetadata metadata = (EventMetadata) event.get(0);
        return handler.onEvent(event, metadata, state, context());
    }

    private dev.orderflow.runtime.consumer.StageContext context() {
        return StageContexts.of("payment-consumer", clock, ORDER);
    }

    private PaymentState stateWith(Status status) {
        PaymentState base = PaymentState.initial().withOrderDetails(5000, "EUR", "tok_visa").withInventoryReserved();
        return switch (status) {
            case AUTHORIZED -> base.authorized("auth-1");
            case PENDING -> base.pending(T0);
            default -> base.withStatus(status);
        };
    }

    private static DeferredAction action(String kind, int attempts) {
        return new DeferredAction(UUID.randomUUID(), 1, ORDER, 0, kind, null, null, attempts, T0, T0.plus(
                Duration.ofMinutes(15)), T0);
    }

    private static <T extends SpecificRecord> T only(Decision<PaymentState> decision, Class<T> type) {
        List<T> matching = decision.events().stream().map(Decision.Outgoing::event).filter(type::isInstance)
                .map(type::cast).toList();
        assertThat(matching).as(type.getSimpleName()).hasSize(1);
        return matching.get(0);
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(ORDER).setCorrelationId(ORDER)
                .setCausationId(null).setOccurredAt(T0).setProducer("test").setAttempt(1).build();
    }

    private static OrderPlaced placed() {
        return OrderPlaced.newBuilder().setMetadata(metadata()).setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(1).setUnitPriceMinor(5000)
                        .build()))
                .setCurrency("EUR").setTotalMinor(5000)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Vienna").setPostalCode("1010").setRegion(null).setCountryCode("AT")
                        .build())
                .setPaymentMethodToken("tok_visa").build();
    }

    private static OrderPlaced placedOnly() {
        return placed();
    }

    private static InventoryReserved reserved() {
        return InventoryReserved.newBuilder().setMetadata(metadata()).setReservationId("res-1").setExpiresAt(null)
                .build();
    }

    private static ResolvePaymentCommand resolve(VerifiedPaymentOutcome outcome, String reference) {
        return ResolvePaymentCommand.newBuilder().setMetadata(metadata()).setOutcome(outcome)
                .setProviderReference(reference).setOperator("alice").setReason("checked the gateway dashboard")
                .build();
    }

    private static CancelOrderCommand cancel() {
        return CancelOrderCommand.newBuilder().setMetadata(metadata()).setCompensate(true).setOperator("bob")
                .setReason("customer asked").build();
    }
}
