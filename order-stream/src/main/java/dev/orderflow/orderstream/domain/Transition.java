package dev.orderflow.orderstream.domain;

import java.time.Instant;

/**
 * One entry of an order's timeline: the event that was applied and the state before and after it ({@code from}
 * equals {@code to} when the event was recorded without moving the order, e.g. a committed reservation).
 * {@code from} is null for the first entry.
 */
public record Transition(OrderState from, OrderState to, String eventId, String eventType, Instant occurredAt,
                         String detail) {
}
