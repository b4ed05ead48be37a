package dev.orderflow.orderstream.topology;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.OrderEscalated;
import dev.orderflow.orderstream.domain.Escalation;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.domain.Transition;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds the {@code OrderEscalated} event of an escalation for the exceptions topic. */
final class EscalationEvents {

    private final String producer;

    EscalationEvents(String producer) {
        this.producer = producer;
    }

    OrderEscalated toAvro(Escalation escalation, OrderView before, Instant now) {
        List<Transition> timeline = before.timeline();
        String causation = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1).eventId();
        EventMetadata metadata = EventMetadata.newBuilder()
                .setEventId(UUID.fromString(escalation.eventId()))
                .setOrderId(before.orderId())
                .setCorrelationId(before.correlationId() == null ? before.orderId() : before.correlationId())
                .setCausationId(causation)
                .setOccurredAt(now)
                .setProducer(producer)
                .setAttempt(1)
                .build();
        return OrderEscalated.newBuilder()
                .setMetadata(metadata)
                .setStuckState(escalation.stuckState().name())
                .setStuckSince(escalation.stuckSince())
                .setDeadline(escalation.deadline())
                .setReason(escalation.reason())
                .build();
    }
}
