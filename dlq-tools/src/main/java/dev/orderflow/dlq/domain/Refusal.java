package dev.orderflow.dlq.domain;

/** A selected record the plan will not replay, and why. */
public record Refusal(RecordRef ref, String reason) {
}
