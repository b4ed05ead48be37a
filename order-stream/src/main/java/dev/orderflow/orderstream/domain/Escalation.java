package dev.orderflow.orderstream.domain;

import java.time.Instant;

/**
 * An order escalated by the deadline watch: the new view and what the escalation event says.
 *
 * @param eventId derived from the order and the stuck episode, so a re-sent escalation carries the same id
 */
public record Escalation(OrderView view, String eventId, OrderState stuckState, Instant stuckSince,
                         Instant deadline, String reason) {
}
