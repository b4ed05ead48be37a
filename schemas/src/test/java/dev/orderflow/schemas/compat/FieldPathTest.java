package dev.orderflow.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.OrderPlaced;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void topLevelField() {
        assertThat(FieldPath.of(OrderPlaced.getClassSchema(), "/fields/1")).hasValue("customerId");
    }

    @Test
    void fieldOfARecordInsideAnArray() {
        assertThat(FieldPath.of(OrderPlaced.getClassSchema(), "/fields/2/type/items/fields/1"))
                .hasValue("lineItems[].quantity");
    }

    @Test
    void fieldOfANestedRecordAndAUnionBranch() {
        assertThat(FieldPath.of(OrderPlaced.getClassSchema(), "/fields/0/type/fields/3/type/1"))
                .hasValue("metadata.causationId");
        assertThat(FieldPath.of(InventoryReserved.getClassSchema(), "/fields/2/type/1")).hasValue("expiresAt");
    }

    @Test
    void partsOfATypeStopAtTheField() {
        assertThat(FieldPath.of(OrderPlaced.getClassSchema(), "/fields/0/type/name")).hasValue("metadata");
    }

    @Test
    void theRecordItselfOrAnUnknownPointerHasNoFieldPath() {
        assertThat(FieldPath.of(OrderPlaced.getClassSchema(), "/")).isEmpty();
        assertThat(FieldPath.of(OrderPlaced.getClassSchema(), "/name")).isEmpty();
        assertThat(FieldPath.of(OrderPlaced.getClassSchema(), "/fields/99")).isEmpty();
    }
}
