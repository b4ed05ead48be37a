package dev.orderflow.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.failure.FailureCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every cell of DESIGN.md §1's table: stage × outcome → reaction. */
class ReactionTableTest {

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource(nullValues = "SUCCESS", value = {
            "INVENTORY, SUCCESS,   COMPLETE",
            "PAYMENT,   SUCCESS,   COMPLETE",
            "SHIPPING,  SUCCESS,   COMPLETE",
            "INVENTORY, TRANSIENT, RETRY_THEN_DEFER",
            "PAYMENT,   TRANSIENT, RETRY_THEN_DEFER",
            "SHIPPING,  TRANSIENT, RETRY_THEN_DEFER",
            "INVENTORY, OVERLOAD,  BACK_OFF_AND_DEFER",
            "PAYMENT,   OVERLOAD,  BACK_OFF_AND_DEFER",
            "SHIPPING,  OVERLOAD,  BACK_OFF_AND_DEFER",
            "INVENTORY, AMBIGUOUS, QUERY_STATUS_THEN_PEND",
            "PAYMENT,   AMBIGUOUS, QUERY_STATUS_THEN_PEND",
            "SHIPPING,  AMBIGUOUS, QUERY_STATUS_THEN_PEND",
            "INVENTORY, BUSINESS,  REJECT_ORDER",
            "PAYMENT,   BUSINESS,  COMPENSATE",
            "SHIPPING,  BUSINESS,  BLOCK_FOR_OPERATOR",
            "INVENTORY, MALFORMED, DEAD_LETTER",
            "PAYMENT,   MALFORMED, DEAD_LETTER",
            "SHIPPING,  MALFORMED, DEAD_LETTER",
            "INVENTORY, INTERNAL,  DEAD_LETTER",
            "PAYMENT,   INTERNAL,  DEAD_LETTER",
            "SHIPPING,  INTERNAL,  DEAD_LETTER"})
    void everyCell(Stage stage, FailureCategory outcome, Reaction expected) {
        assertThat(ReactionTable.reactionTo(stage, outcome)).isEqualTo(expected);
    }
}
