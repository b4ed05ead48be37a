package dev.orderflow.bench.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The provider sandbox's call counts ({@code GET /admin/calls}) and the retry amplification they give.
 *
 * @param operations per operation on the wire ({@code stock.reserve} ...)
 */
public record ProviderCalls(Map<String, Operation> operations) {

    /** Operations that do something once per logical operation; status queries and the progress feed do not. */
    static final Set<String> EFFECT_OPERATIONS = Set.of("stock.reserve", "stock.release", "stock.commit",
            "payment.authorize", "payment.void", "payment.refund", "fulfillment.accept");
    /** Polled on a timer, whatever the load: neither a call per operation nor a retry. */
    static final String PROGRESS_FEED = "fulfillment.events";

    /**
     * @param calls    calls received
     * @param distinct distinct idempotency keys (or paths): logical operations
     * @param outcomes calls per outcome ({@code OK}, {@code OVERLOAD} ...)
     */
    public record Operation(long calls, long distinct, Map<String, Long> outcomes) {
    }

    public ProviderCalls {
        operations = Map.copyOf(operations);
    }

    /** Parses the sandbox's {@code GET /admin/calls} answer. */
    public static ProviderCalls fromJson(JsonNode answer) {
        Map<String, Operation> operations = new TreeMap<>();
        answer.path("operations").properties().forEach(op -> {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            op.getValue().path("outcomes").properties().forEach(o -> outcomes.put(o.getKey(), o.getValue().asLong()));
            operations.put(op.getKey(), new Operation(op.getValue().path("calls").asLong(),
                    op.getValue().path("distinct").asLong(), outcomes));
        });
        return new ProviderCalls(operations);
    }

    /** Every call but the progress feed: what the services asked of the providers. */
    @JsonProperty
    public long calls() {
        return operations.entrySet().stream().filter(e -> !e.getKey().equals(PROGRESS_FEED))
                .mapToLong(e -> e.getValue().calls()).sum();
    }

    /** Distinct logical operations with an effect (reserve, authorize, accept, release, commit, void, refund). */
    @JsonProperty
    public long logicalOperations() {
        return operations.entrySet().stream().filter(e -> EFFECT_OPERATIONS.contains(e.getKey()))
                .mapToLong(e -> e.getValue().distinct()).sum();
    }

    /**
     * Provider calls per logical operation: retries, and the status queries that resolve ambiguous outcomes, on top
     * of one call per operation. 1.0 means no call was repeated; 0 when nothing was called.
     */
    @JsonProperty
    public double amplification() {
        long logical = logicalOperations();
        return logical == 0 ? 0 : calls() / (double) logical;
    }

    /** Calls that ended in {@code outcome}, over every operation but the progress feed. */
    public long outcome(String outcome) {
        return operations.entrySet().stream().filter(e -> !e.getKey().equals(PROGRESS_FEED))
                .mapToLong(e -> e.getValue().outcomes().getOrDefault(outcome, 0L)).sum();
    }

    /** Outcome totals over every operation but the progress feed, in a stable order. */
    @JsonProperty
    public Map<String, Long> outcomes() {
        Map<String, Long> totals = new TreeMap<>();
        operations.entrySet().stream().filter(e -> !e.getKey().equals(PROGRESS_FEED))
                .forEach(e -> e.getValue().outcomes().forEach((k, v) -> totals.merge(k, v, Long::sum)));
        return totals;
    }
}
