package dev.orderflow.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.sandbox.AdjustableClock;
import dev.orderflow.sandbox.fault.BusinessFault;
import dev.orderflow.sandbox.ledger.Effect;
import dev.orderflow.sandbox.ledger.InvariantAuditor;
import dev.orderflow.sandbox.ledger.InvariantReport;
import dev.orderflow.sandbox.ledger.Ledger;
import dev.orderflow.sandbox.ledger.LedgerEntry;
import dev.orderflow.sandbox.outcome.KeyStatus;
import dev.orderflow.sandbox.outcome.Outcome;
import dev.orderflow.sandbox.outcome.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentGatewayTest {

    private final AdjustableClock clock = new AdjustableClock(
            Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final Ledger ledger = new Ledger();
    private final PaymentGateway gateway = new PaymentGateway(clock, ledger, Duration.ofHours(1));
    private final AuthorizeRequest request = new AuthorizeRequest("o1", 1299L, "EUR", "tok_visa");

    private Authorization authorize(String key) {
        Outcome<Authorization> outcome = gateway.authorize(key, request, BusinessFault.NONE).result();
        return ((Outcome.Done<Authorization>) outcome).value();
    }

    @Test
    void withinTheRetentionWindowARetryReplaysTheAuthorization() {
        Authorization first = authorize("k");
        clock.advance(Duration.ofMinutes(59));

        assertThat(authorize("k")).isEqualTo(first);
        assertThat(ledger.entries()).hasSize(1);
    }

    @Test
    void afterTheWindowTheSameKeyChargesAgainAndTheAuditSeesTheDuplicate() {
        authorize("k");
        clock.advance(Duration.ofHours(1));

        Authorization second = authorize("k");

        assertThat(second.authorizationId()).isEqualTo("auth-000002");
        KeyStatus<Authorization> status = gateway.statusByKey("k");
        assertThat(status.executions()).isEqualTo(2);
        assertThat(status.resource()).isEqualTo(second);
        InvariantReport report = InvariantAuditor.audit(ledger.entries(), List.of());
        assertThat(report.holds()).isFalse();
        assertThat(report.multipleCharges()).singleElement()
                .satisfies(c -> assertThat(c.references()).containsExactly("auth-000001", "auth-000002"));
    }

    @Test
    void statusByKeyStillAnswersAfterTheKeyExpired() {
        Authorization first = authorize("k");
        clock.advance(Duration.ofDays(30));

        assertThat(gateway.statusByKey("k").resource()).isEqualTo(first);
    }

    @Test
    void testTokensAreDeclinedWithTheirReason() {
        Outcome<Authorization> outcome = gateway.authorize("k",
                new AuthorizeRequest("o1", 100L, "EUR", "tok_insufficient_funds"), BusinessFault.NONE).result();

        assertThat(((Outcome.Refused<Authorization>) outcome).rejection().reason()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(gateway.statusByKey("k").outcome()).isEqualTo("REJECTED");
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void voidAndRefundAreIdempotentAndExclusive() {
        Authorization voided = authorize("k1");
        Authorization refunded = authorize("k2");

        gateway.voidAuthorization(voided.authorizationId(), "cancelled");
        gateway.voidAuthorization(voided.authorizationId(), "cancelled");
        Authorization afterRefund = gateway.refund(refunded.authorizationId(), "blocked");
        assertThat(gateway.refund(refunded.authorizationId(), "blocked")).isEqualTo(afterRefund);

        assertThat(afterRefund.refundId()).isEqualTo("ref-000001");
        assertThat(ledger.entries()).extracting(LedgerEntry::effect).containsExactly(Effect.PAYMENT_AUTHORIZED,
                Effect.PAYMENT_AUTHORIZED, Effect.PAYMENT_VOIDED, Effect.PAYMENT_REFUNDED);
        assertThatThrownBy(() -> gateway.refund(voided.authorizationId(), "x"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo("AUTHORIZATION_NOT_ACTIVE"));
    }

    @Test
    void malformedRequestsNameTheField() {
        assertThatThrownBy(() -> new AuthorizeRequest("o", 0L, "EUR", "t"))
                .hasMessage("Field amountMinor must be at least 1, was 0");
        assertThatThrownBy(() -> new AuthorizeRequest("o", 1L, "euro", "t"))
                .hasMessageContaining("Field currency must be an ISO 4217 code");
    }
}
