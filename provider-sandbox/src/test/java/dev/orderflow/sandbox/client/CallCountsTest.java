package dev.orderflow.sandbox.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallCountsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void amplificationIsEffectCallsPerLogicalOperationAndStatusQueriesCountOnlyInTheLoad() throws Exception {
        CallCounts calls = CallCounts.fromJson(json.readTree("""
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
    void retriesAreTheEffectCallsBeyondOnePerLogicalOperationAndNotStatusReChecks() throws Exception {
        CallCounts calls = CallCounts.fromJson(json.readTree("""
                {"operations": {
                  "stock.reserve": {"calls": 1043, "distinct": 1000, "outcomes": {"OK": 981}},
                  "payment.status": {"calls": 12, "distinct": 9, "outcomes": {"OK": 9}},
                  "payment.authorize": {"calls": 5, "distinct": 5, "outcomes": {"OK": 5}},
                  "fulfillment.events": {"calls": 900, "distinct": 1, "outcomes": {"OK": 900}}}}
                """));

        assertThat(calls.retries()).isEqualTo(43);
        assertThat(CallCounts.fromJson(json.readTree("{}")).retries()).isZero();
    }

    @Test
    void theEffectOperationsAreTheOnesThatDoSomethingOncePerLogicalOperation() {
        assertThat(CallCounts.EFFECT_OPERATIONS).containsExactlyInAnyOrder("stock.reserve", "stock.release",
                "stock.commit", "payment.authorize", "payment.void", "payment.refund", "fulfillment.accept");
    }

    @Test
    void theCallsOfARunAreTheCountsSinceItsStart() {
        CallCounts before = new CallCounts(Map.of("stock.reserve",
                new CallCounts.OperationCalls(20, 20, Map.of("OK", 20L))));
        CallCounts after = new CallCounts(Map.of("stock.reserve",
                new CallCounts.OperationCalls(125, 120, Map.of("OK", 120L, "OVERLOAD", 5L)),
                "payment.authorize", new CallCounts.OperationCalls(100, 100, Map.of("OK", 100L))));

        CallCounts run = after.since(before);

        assertThat(run.operations().get("stock.reserve"))
                .isEqualTo(new CallCounts.OperationCalls(105, 100, Map.of("OK", 100L, "OVERLOAD", 5L)));
        assertThat(run.operations().get("payment.authorize").calls()).isEqualTo(100);
        assertThat(run.retries()).isEqualTo(5);
    }

    @Test
    void noCallsIsNoAmplification() throws Exception {
        assertThat(CallCounts.fromJson(json.readTree("{\"operations\":{}}")).amplification()).isZero();
    }
}
