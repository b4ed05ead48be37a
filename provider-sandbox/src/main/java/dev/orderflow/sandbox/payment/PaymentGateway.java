package dev.orderflow.sandbox.payment;

import dev.orderflow.sandbox.fault.BusinessFault;
import dev.orderflow.sandbox.idempotency.IdempotencyStore;
import dev.orderflow.sandbox.idempotency.IdempotencyStore.Execution;
import dev.orderflow.sandbox.ledger.Effect;
import dev.orderflow.sandbox.ledger.Ledger;
import dev.orderflow.sandbox.outcome.KeyHistory;
import dev.orderflow.sandbox.outcome.KeyStatus;
import dev.orderflow.sandbox.outcome.Outcome;
import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payment gateway: authorize, void, refund, status by id and by idempotency key. Idempotency keys protect
 * against a repeat only for a retention window, as with real gateways: a retry after the window authorizes
 * again. Status by key keeps answering after the window, which is how a careful client avoids that double charge.
 */
public final class PaymentGateway {

    /** Test tokens that are always declined, so consumer tests can provoke each decline on purpose. */
    static final Map<String, String> DECLINING_TOKENS = Map.of(
            "tok_insufficient_funds", "INSUFFICIENT_FUNDS",
            "tok_card_declined", "CARD_DECLINED",
            "tok_fraud", "FRAUD_SUSPECTED",
            "tok_expired", "TOKEN_EXPIRED",
            "tok_invalid", "TOKEN_INVALID");
    /** Declines fault injection picks from: the ones a valid token can meet on any day. */
    private static final List<String> INJECTED_DECLINES = List.of("INSUFFICIENT_FUNDS", "CARD_DECLINED",
            "FRAUD_SUSPECTED");

    private final Clock clock;
    private final Ledger ledger;
    private final IdempotencyStore<Outcome<Authorization>> keys;
    private final KeyHistory<String> history = new KeyHistory<>();
    private final Map<String, Authorization> authorizations = new HashMap<>();
    private long nextId = 1;
    private long nextRefundId = 1;

    public PaymentGateway(Clock clock, Ledger ledger, Duration keyRetention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.keys = IdempotencyStore.expiringAfter(clock, keyRetention);
    }

    public synchronized Execution<Outcome<Authorization>> authorize(String key, AuthorizeRequest request,
                                                                    BusinessFault fault) {
        return keys.execute(key, request.toString(), () -> {
            Outcome<Authorization> outcome = decide(key, request, fault);
            history.record(key, outcome instanceof Outcome.Done<Authorization> done
                    ? Outcome.done(done.value().authorizationId())
                    : Outcome.refused(((Outcome.Refused<Authorization>) outcome).rejection()));
            return outcome;
        });
    }

    public synchronized Authorization voidAuthorization(String authorizationId, String reason) {
        Authorization current = find(authorizationId);
        return switch (current.status()) {
            case AUTHORIZED -> {
                Instant now = clock.instant();
                Authorization voided = current.voided(now, reason);
                authorizations.put(authorizationId, voided);
                ledger.recordPayment(now, Effect.PAYMENT_VOIDED, current.orderId(), authorizationId, null,
                        current.amountMinor(), current.currency());
                yield voided;
            }
            case VOIDED -> current;
            case REFUNDED -> throw notAuthorized(current, "voided");
        };
    }

    public synchronized Authorization refund(String authorizationId, String reason) {
        Authorization current = find(authorizationId);
        return switch (current.status()) {
            case AUTHORIZED -> {
                Instant now = clock.instant();
                Authorization refunded = current.refunded(now, String.format("ref-%06d", nextRefundId++), reason);
                authorizations.put(authorizationId, refunded);
                ledger.recordPayment(now, Effect.PAYMENT_REFUNDED, current.orderId(), authorizationId, null,
                        current.amountMinor(), current.currency());
                yield refunded;
            }
            case REFUNDED -> current;
            case VOIDED -> throw notAuthorized(current, "refunded");
        };
    }

    public synchronized Authorization authorization(String authorizationId) {
        return find(authorizationId);
    }

    public synchronized KeyStatus<Authorization> statusByKey(String key) {
        Outcome<String> latest = history.latest(key)
                .orElseThrow(() -> ProviderException.unknownKey(key));
        int executions = history.executions(key);
        if (latest instanceof Outcome.Done<String> done) {
            return KeyStatus.succeeded(key, authorizations.get(done.value()), executions);
        }
        return KeyStatus.rejected(key, ((Outcome.Refused<String>) latest).rejection(), executions);
    }

    private Outcome<Authorization> decide(String key, AuthorizeRequest request, BusinessFault fault) {
        String declinedBy = DECLINING_TOKENS.get(request.paymentMethodToken());
        if (declinedBy != null) {
            return Outcome.refused(Rejection.of(declinedBy, "Declined by the issuer (test token)"));
        }
        if (fault.reject()) {
            String reason = INJECTED_DECLINES.get(BusinessFault.choose(fault.rejectionPick(),
                    INJECTED_DECLINES.size()));
            return Outcome.refused(Rejection.injected(reason, "Declined by the issuer (injected)"));
        }
        Instant now = clock.instant();
        Authorization created = new Authorization(String.format("auth-%06d", nextId++), request.orderId(), key,
                request.amountMinor(), request.currency(), AuthorizationStatus.AUTHORIZED, now, now, null, null);
        authorizations.put(created.authorizationId(), created);
        ledger.recordPayment(now, Effect.PAYMENT_AUTHORIZED, created.orderId(), created.authorizationId(), key,
                created.amountMinor(), created.currency());
        return Outcome.done(created);
    }

    private Authorization find(String authorizationId) {
        Authorization found = authorizations.get(authorizationId);
        if (found == null) {
            throw ProviderException.notFound("Authorization", authorizationId);
        }
        return found;
    }

    private static ProviderException notAuthorized(Authorization authorization, String verb) {
        return new ProviderException(ProviderException.Kind.INVALID_STATE, "AUTHORIZATION_NOT_ACTIVE",
                "Authorization " + authorization.authorizationId() + " is " + authorization.status()
                        + " and cannot be " + verb);
    }
}
