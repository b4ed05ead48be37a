package dev.orderflow.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.fault.Operation;
import dev.orderflow.sandbox.http.CallCounter.OperationCalls;
import dev.orderflow.sandbox.http.CallCounter.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallCounterTest {

    @Test
    void countsCallsPerOutcomeAndDistinctLogicalOperations() {
        CallCounter counter = new CallCounter();
        counter.record(Operation.STOCK_RESERVE, "k-1", Outcome.TRANSIENT_ERROR);
        counter.record(Operation.STOCK_RESERVE, "k-1", Outcome.OK);
        counter.record(Operation.STOCK_RESERVE, "k-2", Outcome.OVERLOAD);
        counter.record(Operation.STOCK_RESERVE, "k-2", Outcome.REJECTED);
        counter.record(Operation.PAYMENT_VOID, "/payments/authorizations/auth-1/void", Outcome.OK);

        Map<String, OperationCalls> snapshot = counter.snapshot();

        assertThat(snapshot).containsOnlyKeys("stock.reserve", "payment.void");
        OperationCalls reserve = snapshot.get("stock.reserve");
        assertThat(reserve.calls()).isEqualTo(4);
        assertThat(reserve.distinct()).isEqualTo(2);
        assertThat(reserve.outcomes()).containsExactly(Map.entry("OK", 1L), Map.entry("REJECTED", 1L),
                Map.entry("TRANSIENT_ERROR", 1L), Map.entry("OVERLOAD", 1L));
        assertThat(snapshot.get("payment.void").distinct()).isEqualTo(1);
    }

    @Test
    void classifiesAnsweredCallsByStatus() {
        assertThat(CallCounter.outcomeOf(201)).isEqualTo(Outcome.OK);
        assertThat(CallCounter.outcomeOf(422)).isEqualTo(Outcome.REJECTED);
        assertThat(CallCounter.outcomeOf(404)).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(CallCounter.outcomeOf(500)).isEqualTo(Outcome.SERVER_ERROR);
    }
}
