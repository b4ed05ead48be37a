package dev.orderflow.payment;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.PaymentDeclineReason;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.events.PaymentPending;
import dev.orderflow.events.PaymentVoided;
import dev.orderflow.events.ResolvePaymentCommand;
import dev.orderflow.events.VerifiedPaymentOutcome;
import dev.orderflow.payment.PaymentGateway.Authorization;
import dev.orderflow.payment.PaymentGateway.AuthorizationRequest;
import dev.orderflow.payment.PaymentGateway.KeyStatus;
import dev.orderflow.payment.PaymentState.Status;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.policy.CallOutcome;
import dev.orderflow.runtime.policy.Reaction;
import dev.orderflow.runtime.policy.ReactionTable;
import dev.orderflow.runtime.policy.Stage;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicy;
import dev.orderflow.runtime.provider.ProviderCallException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The payment stage (DESIGN.md §1, payment column). Money the customer sees is the one side effect that cannot be
 * taken back quietly, so the rules are strict:
 * <ul>
 *   <li>a decline fails fast and triggers compensation ({@code PaymentDeclined} → inventory released);</li>
 *   <li>an ambiguous call is resolved by a status query under the same key; while it stays unknown the payment is
 *       {@code PENDING}: no shipping, no release, no refund; deferred re-checks follow the policy's schedule and
 *       past the deadline the order is escalated to operators, once;</li>
 *   <li>every deferred retry asks the status by key first, because the gateway forgets keys after a while and an
 *       authorize under a forgotten key would charge again;</li>
 *   <li>an operator's {@code ResolvePaymentCommand} settles a pending payment either way; a cancel voids an
 *       authorization, but never touches a payment whose outcome is unknown until it is known.</li>
 * </ul>
 */
public final class PaymentHandler implements StageHandler<PaymentState> {

    static final String AUTHORIZE_RETRY = "authorize-retry";
    static final String STATUS_CHECK = "status-check";
    static final String VOID_RETRY = "void-retry";

    private final PaymentGateway gateway;
    private final StageCallExecutor calls;
    private final StagePolicy policy;

    public PaymentHandler(PaymentGateway gateway, StageCallExecutor calls) {
        this.gateway = gateway;
        this.calls = calls;
        this.policy = calls.policy();
    }

    @Override
    public Class<PaymentState> stateType() {
        return PaymentState.class;
    }

    @Override
    public boolean handles(SpecificRecord event) {
        return event instanceof OrderPlaced || event instanceof InventoryReserved
                || event instanceof ResolvePaymentCommand || event instanceof CancelOrderCommand;
    }

    @Override
    public List<String> validate(SpecificRecord event) {
        List<String> problems = new ArrayList<>();
        if (event instanceof OrderPlaced placed) {
            if (placed.getTotalMinor() <= 0) {
                problems.add("totalMinor: must be positive, was " + placed.getTotalMinor());
            }
            if (placed.getCurrency() == null || !placed.getCurrency().matches("[A-Z]{3}")) {
                problems.add("currency: must be an ISO 4217 code, was '" + placed.getCurrency() + "'");
            }
            if (placed.getPaymentMethodToken() == null || placed.getPaymentMethodToken().isBlank()) {
                problems.add("paymentMethodToken: must not be blank");
            }
        } else if (event instanceof ResolvePaymentCommand resolve) {
            if (resolve.getReason() == null || resolve.getReason().isBlank()) {
                problems.add("reason: an operator command needs a reason");
            }
            if (resolve.getOutcome() == VerifiedPaymentOutcome.AUTHORIZED
                    && (resolve.getProviderReference() == null || resolve.getProviderReference().isBlank())) {
                problems.add("providerReference: the authorization id checked with the provider is required");
            }
        }
        return problems;
    }

    @Override
    public Decision<PaymentState> onEvent(SpecificRecord event, EventMetadata metadata, PaymentState state,
            StageContext context) {
        PaymentState current = state == null ? PaymentState.initial() : state;
        if (event instanceof OrderPlaced placed) {
            return authorizeIfReady(current.withOrderDetails(placed.getTotalMinor(), placed.getCurrency(),
                    placed.getPaymentMethodToken()), context);
        }
        if (event instanceof InventoryReserved) {
            return authorizeIfReady(current.withInventoryReserved(), context);
        }
        if (event instanceof ResolvePaymentCommand resolve) {
            return resolveByOperator(current, resolve, context);
        }
        return cancel(current, (CancelOrderCommand) event, context);
    }

    @Override
    public Decision<PaymentState> onDeferred(DeferredAction action, PaymentState state, StageContext context) {
        PaymentState current = state == null ? PaymentState.initial() : state;
        return switch (action.kind()) {
            case AUTHORIZE_RETRY -> current.status() == Status.RETRY_SCHEDULED
                    ? retryAuthorization(current, action, context) : Decision.unchanged(current);
            case STATUS_CHECK -> current.status() == Status.PENDING
                    ? recheckStatus(current, action, context) : Decision.unchanged(current);
            case VOID_RETRY -> current.status() == Status.AUTHORIZED && current.cancelRequested()
                    ? voidAuthorization(current, Decision.newState(current), context, action.attempts() + 1)
                    : Decision.unchanged(current);
            default -> throw new IllegalStateException("unknown deferred action " + action.kind());
        };
    }

    private Decision<PaymentState> authorizeIfReady(PaymentState state, StageContext context) {
        return state.readyToAuthorize() ? authorize(state, context, 1) : Decision.newState(state);
    }

    /** One authorize call (with the policy's quick retries) and the stage's reaction to how it ended. */
    private Decision<PaymentState> authorize(PaymentState state, StageContext context, int deferredAttempt) {
        String key = state.idempotencyKey(context.orderId());
        AuthorizationRequest request = new AuthorizationRequest(context.orderId(), state.amountMinor(),
                state.currency(), state.paymentMethodToken());
        CallOutcome<Authorization> outcome = calls.call(timeout -> gateway.authorize(key, request, timeout));
        if (outcome instanceof CallOutcome.Succeeded<Authorization> ok) {
            return authorized(state, ok.value().authorizationId(), context);
        }
        CallOutcome.Failed<Authorization> failed = (CallOutcome.Failed<Authorization>) outcome;
        Reaction reaction = ReactionTable.reactionTo(Stage.PAYMENT, failed.category());
        return switch (reaction) {
            case COMPENSATE -> declined(state, reasonCode(failed.failure()), failed.failure().getMessage(), context);
            case RETRY_THEN_DEFER, BACK_OFF_AND_DEFER ->
                    scheduleRetry(state, context, deferredAttempt, failed.retryAfter().orElse(Duration.ZERO));
            case QUERY_STATUS_THEN_PEND -> resolveByStatus(state, context, 1, deferredAttempt);
            default -> throw failed.failure();    // a defect of ours (e.g. 400): dead-letter the event
        };
    }

    /** Asks the gateway what became of the key; unknown outcome → PENDING with a deferred re-check. */
    private Decision<PaymentState> resolveByStatus(PaymentState state, StageContext context, int check,
            int retryAttempt) {
        String key = state.idempotencyKey(context.orderId());
        CallOutcome<Optional<KeyStatus>> outcome = calls.call(timeout -> gateway.statusByKey(key, timeout));
        if (outcome instanceof CallOutcome.Succeeded<Optional<KeyStatus>> ok) {
            if (ok.value().isEmpty()) {
                // No call with this key took effect: the same key is safe to try again.
                return scheduleRetry(state, context, retryAttempt, Duration.ZERO);
            }
            KeyStatus status = ok.value().get();
            return status.succeeded()
                    ? authorized(state, status.authorization().authorizationId(), context)
                    : declined(state, reasonCode(status.rejectionReason()), status.rejectionDetail(), context);
        }
        return pending(state, context, check, "outcome of the authorization is unknown: "
                + ((CallOutcome.Failed<Optional<KeyStatus>>) outcome).failure().getMessage());
    }

    private Decision<PaymentState> recheckStatus(PaymentState state, DeferredAction action, StageContext context) {
        String key = state.idempotencyKey(context.orderId());
        CallOutcome<Optional<KeyStatus>> outcome = calls.call(timeout -> gateway.statusByKey(key, timeout));
        if (outcome instanceof CallOutcome.Succeeded<Optional<KeyStatus>> ok) {
            if (ok.value().isEmpty()) {
                // The ambiguous call never took effect: authorizing under the same key cannot charge twice.
                return state.cancelRequested() ? cancelled(state) : authorize(state.withStatus(Status.WAITING),
                        context, 1);
            }
            KeyStatus status = ok.value().get();
            return status.succeeded()
                    ? authorized(state, status.authorization().authorizationId(), context)
                    : declined(state, reasonCode(status.rejectionReason()), status.rejectionDetail(), context);
        }
        return pending(state, context, action.attempts() + 1, "still unknown after " + action.attempts()
                + " status checks: " + ((CallOutcome.Failed<Optional<KeyStatus>>) outcome).failure().getMessage());
    }

    /**
     * A deferred retry asks the status first: by now the gateway may have forgotten the key, and a blind authorize
     * under a forgotten key would be a second charge if the earlier call had in fact gone through.
     */
    private Decision<PaymentState> retryAuthorization(PaymentState state, DeferredAction action,
            StageContext context) {
        if (state.cancelRequested()) {
            return cancelled(state);
        }
        String key = state.idempotencyKey(context.orderId());
        CallOutcome<Optional<KeyStatus>> status = calls.call(timeout -> gateway.statusByKey(key, timeout));
        if (status instanceof CallOutcome.Succeeded<Optional<KeyStatus>> ok && ok.value().isPresent()) {
            KeyStatus known = ok.value().get();
            return known.succeeded()
                    ? authorized(state, known.authorization().authorizationId(), context)
                    : declined(state, reasonCode(known.rejectionReason()), known.rejectionDetail(), context);
        }
        if (status instanceof CallOutcome.Failed<Optional<KeyStatus>>) {
            return scheduleRetry(state, context, action.attempts() + 1, Duration.ZERO);
        }
        return authorize(state.withStatus(Status.WAITING), context, action.attempts() + 1);
    }

    private Decision<PaymentState> scheduleRetry(PaymentState state, StageContext context, int attempt,
            Duration retryAfter) {
        Instant now = context.now();
        Duration delay = policy.deferralDelay(attempt);
        Instant due = now.plus(retryAfter.compareTo(delay) > 0 ? retryAfter : delay);
        PaymentState next = state.withStatus(Status.RETRY_SCHEDULED);
        return Decision.newState(next)
                .withDeferral(new Deferral(AUTHORIZE_RETRY, null, due, now.plus(policy.escalationDeadline())));
    }

    private Decision<PaymentState> pending(PaymentState state, StageContext context, int check, String reason) {
        Instant now = context.now();
        PaymentState next = state.pending(now);
        Instant escalateAt = next.pendingSince().plus(policy.escalationDeadline());
        Instant nextCheck = now.plus(policy.statusQueryDelay(check));
        Decision<PaymentState> decision;
        if (!now.isBefore(escalateAt) && !next.escalated()) {
            next = next.markEscalated();
            decision = Decision.newState(next).withEvent(OrderTopics.PAYMENT, OrderEscalated.newBuilder()
                    .setMetadata(context.newMetadata(state.attempt())).setStuckState("PAYMENT_PENDING")
                    .setStuckSince(next.pendingSince()).setDeadline(escalateAt)
                    .setReason("payment outcome unknown past its deadline; check with the provider and resolve: "
                            + reason).build());
        } else {
            decision = Decision.newState(next);
        }
        if (state.status() != Status.PENDING) {
            decision = decision.withEvent(OrderTopics.PAYMENT, PaymentPending.newBuilder()
                    .setMetadata(context.newMetadata(state.attempt())).setReason(reason).setNextCheckAt(nextCheck)
                    .setEscalateAt(escalateAt).build());
        }
        // The re-check keeps going after escalation: a late answer still resolves the payment automatically.
        return decision.withDeferral(new Deferral(STATUS_CHECK, null, nextCheck, escalateAt));
    }

    private Decision<PaymentState> authorized(PaymentState state, String authorizationId, StageContext context) {
        PaymentState next = state.authorized(authorizationId);
        Decision<PaymentState> decision = Decision.newState(next)
                .withEvent(OrderTopics.PAYMENT, PaymentAuthorized.newBuilder()
                        .setMetadata(context.newMetadata(state.attempt())).setAuthorizationId(authorizationId)
                        .setAmountMinor(state.amountMinor()).setCurrency(state.currency()).build())
                .cancelling(STATUS_CHECK).cancelling(AUTHORIZE_RETRY);
        // Cancelled while the outcome was unknown: now that it is known to be a charge, take it back.
        return state.cancelRequested() ? voidAuthorization(next, decision, context, 1) : decision;
    }

    private Decision<PaymentState> declined(PaymentState state, PaymentDeclineReason reason, String detail,
            StageContext context) {
        return Decision.newState(state.withStatus(Status.DECLINED))
                .withEvent(OrderTopics.PAYMENT, PaymentDeclined.newBuilder()
                        .setMetadata(context.newMetadata(state.attempt())).setReasonCode(reason).setDetail(detail)
                        .build())
                .cancelling(STATUS_CHECK).cancelling(AUTHORIZE_RETRY);
    }

    private Decision<PaymentState> resolveByOperator(PaymentState state, ResolvePaymentCommand command,
            StageContext context) {
        if (state.status() != Status.PENDING && state.status() != Status.RETRY_SCHEDULED) {
            return Decision.newState(state.withNote("resolve-payment by " + command.getOperator()
                    + " ignored: payment was " + state.status()));
        }
        PaymentState noted = state.withNote("resolved by " + command.getOperator() + ": " + command.getReason());
        return command.getOutcome() == VerifiedPaymentOutcome.AUTHORIZED
                ? authorized(noted, command.getProviderReference(), context)
                : declined(noted, PaymentDeclineReason.OTHER, "resolved by operator " + command.getOperator() + ": "
                        + command.getReason(), context);
    }

    private Decision<PaymentState> cancel(PaymentState state, CancelOrderCommand command, StageContext context) {
        PaymentState noted = state.withNote("cancel by " + command.getOperator() + ": " + command.getReason());
        return switch (state.status()) {
            case WAITING, RETRY_SCHEDULED -> cancelled(noted);
            // Outcome unknown: no void or refund now; the resolution voids it if it turns out to be a charge.
            case PENDING -> Decision.newState(noted.withCancelRequested());
            case AUTHORIZED -> command.getCompensate()
                    ? voidAuthorization(noted.withCancelRequested(), Decision.newState(noted.withCancelRequested()),
                            context, 1)
                    : Decision.newState(noted);
            case DECLINED, VOIDED, CANCELLED -> Decision.unchanged(state);
        };
    }

    private Decision<PaymentState> cancelled(PaymentState state) {
        return Decision.newState(state.withCancelRequested().withStatus(Status.CANCELLED))
                .cancelling(AUTHORIZE_RETRY).cancelling(STATUS_CHECK);
    }

    /** Voids the authorization; if the gateway cannot be reached, tries again later (void is idempotent). */
    private Decision<PaymentState> voidAuthorization(PaymentState state, Decision<PaymentState> base,
            StageContext context, int attempt) {
        String id = state.authorizationId();
        CallOutcome<Authorization> outcome = calls.call(timeout -> gateway.voidAuthorization(id, "order cancelled",
                timeout));
        if (outcome instanceof CallOutcome.Succeeded<Authorization>) {
            Decision<PaymentState> done = Decision.newState(state.withStatus(Status.VOIDED));
            for (Decision.Outgoing event : base.events()) {
                done = done.withEvent(event.topic(), event.event());
            }
            for (String kind : base.cancelledKinds()) {
                done = done.cancelling(kind);
            }
            return done.cancelling(VOID_RETRY).withEvent(OrderTopics.PAYMENT, PaymentVoided.newBuilder()
                    .setMetadata(context.newMetadata(state.attempt())).setAuthorizationId(id)
                    .setReason("order cancelled").build());
        }
        Instant now = context.now();
        return base.withDeferral(new Deferral(VOID_RETRY, null, now.plus(policy.deferralDelay(attempt)),
                now.plus(policy.escalationDeadline())));
    }

    private static PaymentDeclineReason reasonCode(ClassifiedException failure) {
        return failure instanceof ProviderCallException call
                ? reasonCode(call.reasonCode().orElse(null)) : PaymentDeclineReason.OTHER;
    }

    private static PaymentDeclineReason reasonCode(String code) {
        if (code == null) {
            return PaymentDeclineReason.OTHER;
        }
        try {
            return PaymentDeclineReason.valueOf(code);
        } catch (IllegalArgumentException e) {
            return PaymentDeclineReason.OTHER;
        }
    }
}
