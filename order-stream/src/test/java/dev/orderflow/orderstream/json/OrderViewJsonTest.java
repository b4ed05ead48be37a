package dev.orderflow.orderstream.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.orderstream.domain.EscalationPolicy;
import dev.orderflow.orderstream.domain.EventType;
import dev.orderflow.orderstream.domain.OrderEvent;
import dev.orderflow.orderstream.domain.OrderStateMachine;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.domain.ViewLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderViewJsonTest {

    @Test
    void aViewSurvivesTheRoundTripAndReadsAsPlainJson() {
        OrderStateMachine machine = new OrderStateMachine(EscalationPolicy.of(EscalationPolicy.defaultDeadlines()),
                ViewLimits.DEFAULT);
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        OrderView v = machine.apply(null, OrderEvent.of("e1", "o-1", EventType.ORDER_PLACED, t, 1)).view();
        v = machine.apply(v, OrderEvent.of("e2", "o-1", EventType.INVENTORY_PENDING, t.plusSeconds(1), 2)
                .withNextCheckAt(t.plusSeconds(60)).withReason("timeout")).view();
        v = machine.apply(v, OrderEvent.of("e3", "o-1", EventType.SHIPMENT_ACCEPTED, t.plusSeconds(2), 1)).view();
        JsonSerde<OrderView> serde = new JsonSerde<>(OrderView.class);

        byte[] json = serde.serializer().serialize("t", v);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(v);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"state\":\"INVENTORY_PENDING\"", "\"stateEnteredAt\":\"2026-11-30T10:00:01Z\"",
                "\"INVENTORY\":2").doesNotContain("effectiveState");
    }
}
