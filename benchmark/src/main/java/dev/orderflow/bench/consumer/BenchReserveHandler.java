package dev.orderflow.bench.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.policy.CallOutcome;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.provider.ProviderClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * A stage as heavy as a real one per event: one provider call over HTTP with an idempotency key, a state change and
 * one outgoing event through the outbox.
 */
final class BenchReserveHandler implements StageHandler<BenchReserveHandler.State> {

    record State(String reservationId) {
    }

    private final ProviderClient stock;
    private final StageCallExecutor calls;

    BenchReserveHandler(ProviderClient stock, StageCallExecutor calls) {
        this.stock = stock;
        this.calls = calls;
    }

    @Override
    public Class<State> stateType() {
        return State.class;
    }

    @Override
    public boolean handles(SpecificRecord event) {
        return event instanceof OrderPlaced;
    }

    @Override
    public Decision<State> onEvent(SpecificRecord event, EventMetadata metadata, State state, StageContext context) {
        OrderPlaced placed = (OrderPlaced) event;
        Map<String, Object> body = Map.of("orderId", metadata.getOrderId(), "lines", placed.getLineItems().stream()
                .map(l -> Map.of("sku", l.getSku(), "quantity", l.getQuantity())).toList());
        CallOutcome<JsonNode> outcome = calls.call(timeout -> stock.post("stock.reserve", "/stock/reservations",
                "inv-" + metadata.getOrderId() + "-1", body, timeout));
        if (outcome instanceof CallOutcome.Failed<JsonNode> failed) {
            throw failed.failure();
        }
        String id = ((CallOutcome.Succeeded<JsonNode>) outcome).value().path("reservationId").asText();
        return Decision.newState(new State(id)).withEvent(OrderTopics.INVENTORY, InventoryReserved.newBuilder()
                .setMetadata(context.newMetadata()).setReservationId(id).setExpiresAt(null).build());
    }

    @Override
    public Decision<State> onDeferred(DeferredAction action, State state, StageContext context) {
        return Decision.unchanged(state);
    }
}
