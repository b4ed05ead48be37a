package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderCallsTest {

    @Test
    void amplificationIsEffectCallsPerLogicalOperationAndStatusQueriesCountOnlyInTheLoad() throws Exception {
        ProviderCalls calls = ProviderCalls.fromJson(new ObjectMapper().readTree("""
                {"operations": {
                  "stock.reserve": {"calls": 110, "distinct": 100, "outcomes": {"OK": 100, "TRANSIENT_ERROR": 10}},
                  "payment.authorize": {"calls": 100, "distinct": 100, "outcomes": {"OK": 95, "REJECTED": 5}},
                  "payment.status": {"calls": 10, "distinct": 4, "outcomes": {"OK": 10}},
                  "fulfillment.events": {"calls": 5000, "distinct": 1, "outcomes": {"OK": 5000}}}}
                """));

        assertThat(calls.calls()).isEqualTo(220);
        assertThat(calls.effectCalls()).isEqualTo(210);
        assertThat(calls.logicalOperations()).isEqualTo(200);
        assertThat(calls.amplification()).isCloseTo(1.05, within(1e-9));
        assertThat(calls.callsPerOperation()).isCloseTo(1.10, within(1e-9));
        assertThat(calls.outcome("OK")).isEqualTo(205);
        assertThat(calls.outcomes()).containsEntry("TRANSIENT_ERROR", 10L).containsEntry("REJECTED", 5L);
    }

    @Test
    void theCallsOfARunAreTheCountsSinceItsStart() {
        ProviderCalls before = new ProviderCalls(Map.of("stock.reserve",
                new ProviderCalls.Operation(20, 20, Map.of("OK", 20L))));
        ProviderCalls after = new ProviderCalls(Map.of("stock.reserve",
                new ProviderCalls.Operation(125, 120, Map.of("OK", 120L, "OVERLOAD", 5L)),
                "payment.authorize", new ProviderCalls.Operation(100, 100, Map.of("OK", 100L))));

        ProviderCalls run = after.since(before);

        assertThat(run.operations().get("stock.reserve"))
                .isEqualTo(new ProviderCalls.Operation(105, 100, Map.of("OK", 100L, "OVERLOAD", 5L)));
        assertThat(run.operations().get("payment.authorize").calls()).isEqualTo(100);
    }

    @Test
    void noCallsIsNoAmplification() throws Exception {
        assertThat(ProviderCalls.fromJson(new ObjectMapper().readTree("{\"operations\":{}}")).amplification())
                .isZero();
    }

    @Test
    void theAuditCountsViolationsPerInvariant() throws Exception {
        InvariantAudit audit = InvariantAudit.fromJson(new ObjectMapper().readTree("""
                {"holds": false, "ledgerEntries": 42, "orders": 10, "multipleCharges": [{"orderId": "o-7"}],
                 "multipleShipments": [], "negativeStock": []}
                """));

        assertThat(audit.holds()).isFalse();
        assertThat(audit.ledgerEntries()).isEqualTo(42);
        assertThat(audit.violations()).containsEntry("multipleCharges", 1).containsEntry("negativeStock", 0);
    }
}
