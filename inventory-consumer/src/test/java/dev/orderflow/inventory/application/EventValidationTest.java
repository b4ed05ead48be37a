package dev.orderflow.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.CancelOrderCommand;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md §1, malformed row: what the runtime dead-letters at once, with these problems as the reason. */
class EventValidationTest {

    @Test
    void aWellFormedOrderHasNoProblems() {
        assertThat(EventValidation.problems(TestEvents.placed("o-1", "SKU-1", 1))).isEmpty();
    }

    @Test
    void anOrderWithoutLinesOrWithBadLinesIsMalformed() {
        OrderPlaced empty = OrderPlaced.newBuilder(TestEvents.placed("o-1", "SKU-1", 1)).setLineItems(List.of())
                .build();
        OrderPlaced bad = OrderPlaced.newBuilder(TestEvents.placed("o-1", "SKU-1", 1)).setLineItems(List.of(
                LineItem.newBuilder().setSku(" ").setQuantity(0).setUnitPriceMinor(1).build())).build();

        assertThat(EventValidation.problems(empty)).containsExactly("lineItems: at least one");
        assertThat(EventValidation.problems(bad)).containsExactly("lineItems[0].sku: must not be blank",
                "lineItems[0].quantity: at least 1, was 0");
    }

    @Test
    void aCancelWithoutOperatorOrReasonIsMalformed() {
        CancelOrderCommand cancel = CancelOrderCommand.newBuilder(TestEvents.cancel("o-1", true)).setOperator("")
                .setReason(" ").build();

        assertThat(EventValidation.problems(cancel)).containsExactly("operator: must not be blank",
                "reason: must not be blank");
    }

    @Test
    void theHandlerAsksForTheValidation() {
        InventoryHandler handler = new TestStage("o-1").handler;
        OrderPlaced empty = OrderPlaced.newBuilder(TestEvents.placed("o-1", "SKU-1", 1)).setLineItems(List.of())
                .build();

        assertThat(handler.validate(empty)).isNotEmpty();
        assertThat(handler.handles(TestEvents.declined("o-1"))).isTrue();
    }
}
