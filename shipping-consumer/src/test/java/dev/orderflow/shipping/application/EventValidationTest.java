package dev.orderflow.shipping.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentAuthorized;
import dev.orderflow.events.RetryShippingCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md §1, malformed row: what the runtime dead-letters at once, with these problems as the reason. */
class EventValidationTest {

    @Test
    void wellFormedEventsHaveNoProblems() {
        assertThat(EventValidation.problems(TestEvents.placed("o-1"))).isEmpty();
        assertThat(EventValidation.problems(TestEvents.authorized("o-1"))).isEmpty();
        assertThat(EventValidation.problems(TestEvents.retry("o-1"))).isEmpty();
    }

    @Test
    void anAddressTheProviderWouldRefuseIsNotMalformed() {
        assertThat(EventValidation.problems(TestEvents.placed("o-1", "SKU-1", "00000", "XX"))).isEmpty();
    }

    @Test
    void malformedEventsNameTheirProblems() {
        OrderPlaced noLines = OrderPlaced.newBuilder(TestEvents.placed("o-1")).setLineItems(List.of()).build();
        PaymentAuthorized noAuthorization = PaymentAuthorized.newBuilder(TestEvents.authorized("o-1"))
                .setAuthorizationId(" ").build();
        RetryShippingCommand anonymous = RetryShippingCommand.newBuilder(TestEvents.retry("o-1")).setOperator("")
                .setReason("").build();

        assertThat(EventValidation.problems(noLines)).containsExactly("lineItems: at least one");
        assertThat(EventValidation.problems(noAuthorization)).containsExactly("authorizationId: must not be blank");
        assertThat(EventValidation.problems(anonymous)).containsExactly("operator: must not be blank",
                "reason: must not be blank");
    }
}
