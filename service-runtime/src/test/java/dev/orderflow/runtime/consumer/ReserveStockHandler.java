package dev.orderflow.runtime.consumer;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.InventoryReserved;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.policy.CallOutcome;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.provider.ProviderClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.specific.SpecificRecord;

/**
 * A minimal real stage for the runtime's ITs: reserves stock at the sandbox with an idempotency key derived from the
 * order, announces {@code InventoryReserved}, and lets retryable failures escape so the runtime parks the event.
 */
final class ReserveStockHandler implements StageHandler<ReserveStockHandler.State> {

    record State(String status, String reservationId, List<String> seenEvents) {
    }

    private final ProviderClient stock;
    private final StageCallExecutor calls;
    private final String topic;
    /** Every (orderId, eventId) the handler was given, in order, across threads. */
    final ConcurrentLinkedQueue<String> handled = new ConcurrentLinkedQueue<>();

    ReserveStockHandler(ProviderClient stock, StageCallExecutor calls, String topic) {
        this.stock = stock;
        this.calls = calls;
        this.topic = topic;
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
    public List<String> validate(SpecificRecord event) {
        return ((OrderPlaced) event).getLineItems().isEmpty() ? List.of("lineItems: at least one") : List.of();
    }

    @Override
    public Decision<State> onEvent(SpecificRecord event, EventMetadata metadata, State state, StageContext context) {
        handled.add(metadata.getOrderId() + "/" + metadata.getEventId());
        OrderPlaced placed = (OrderPlaced) event;
        String key = "inv-" + metadata.getOrderId() + "-" + metadata.getAttempt();
        Map<String, Object> body = Map.of("orderId", metadata.getOrderId(), "lines", placed.getLineItems().stream()
                .map(l -> Map.of("sku", l.getSku(), "quantity", l.getQuantity())).toList());
        CallOutcome<com.fasterxml.jackson.databind.JsonNode> outcome = calls.call(
                timeout -> stock.post("stock.reserve", "/stock/reservations", key, body, timeout));
        if (outcome instanceof CallOutcome.Failed<com.fasterxml.jackson.databind.JsonNode> failed) {
            throw failed.failure();
        }
        String reservationId = ((CallOutcome.Succeeded<com.fasterxml.jackson.databind.JsonNode>) outcome).value()
                .path("reservationId").asText();
        List<String> seen = new java.util.ArrayList<>(state == null ? List.of() : state.seenEvents());
        seen.add(metadata.getEventId().toString());
        return Decision.newState(new State("RESERVED", reservationId, seen))
                .withEvent(topic, InventoryReserved.newBuilder().setMetadata(context.newMetadata())
                        .setReservationId(reservationId).setExpiresAt(null).build());
    }

    @Override
    public Decision<State> onDeferred(DeferredAction action, State state, StageContext context) {
        throw new ClassifiedException(dev.orderflow.runtime.failure.FailureCategory.INTERNAL, "no deferrals here");
    }
}
