package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProviderCallsTest {

    @Test
    void amplificationIsCallsPerLogicalOperationWithoutTheProgressFeed() throws Exception {
        ProviderCalls calls = ProviderCalls.fromJson(new ObjectMapper().readTree("""
                {"operations": {
                  "stock.reserve": {"calls": 110, "distinct": 100, "outcomes": {"OK": 100, "TRANSIENT_ERROR": 10}},
                  "payment.authorize": {"calls": 100, "distinct": 100, "outcomes": {"OK": 95, "REJECTED": 5}},
                  "payment.status": {"calls": 10, "distinct": 4, "outcomes": {"OK": 10}},
                  "fulfillment.events": {"calls": 5000, "distinct": 1, "outcomes": {"OK": 5000}}}}
                """));

        assertThat(calls.calls()).isEqualTo(220);
        assertThat(calls.logicalOperations()).isEqualTo(200);
        assertThat(calls.amplification()).isCloseTo(1.10, within(1e-9));
        assertThat(calls.outcome("OK")).isEqualTo(205);
        assertThat(calls.outcomes()).containsEntry("TRANSIENT_ERROR", 10L).containsEntry("REJECTED", 5L);
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
