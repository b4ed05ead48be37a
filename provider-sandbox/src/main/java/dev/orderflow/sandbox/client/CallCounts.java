package dev.orderflow.sandbox.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.sandbox.fault.Operation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sandbox's call counts ({@code GET /admin/calls}) and the figures they give: retries and retry amplification
 * over the operations with an effect, and the providers' whole load.
 *
 * @param operations per operation on the wire ({@code stock.reserve} ...)
 */
public record CallCounts(Map<String, OperationCalls> operations) {

    /**
     * Operations that do something once per logical operation (reserve, release, commit, authorize, void, refund,
     * accept); status queries and the progress feed do not, so their repeats are not retries.
     */
    public static final Set<String> EFFECT_OPERATIONS = Stream.of(Operation.STOCK_RESERVE, Operation.STOCK_RELEASE,
                    Operation.STOCK_COMMIT, Operation.PAYMENT_AUTHORIZE, Operation.PAYMENT_VOID,
                    Operation.PAYMENT_REFUND, Operation.FULFILLMENT_ACCEPT)
            .map(Operation::wireName).collect(Collectors.toUnmodifiableSet());
    /** Polled on a timer, whatever the load: neither a call per operation nor a retry. */
    public static final String PROGRESS_FEED = Operation.FULFILLMENT_EVENTS.wireName();

    /**
     * One operation's counts.
     *
     * @param calls    calls received
     * @param distinct distinct idempotency keys (or paths): logical operations
     * @param outcomes calls per outcome ({@code OK}, {@code OVERLOAD} ...)
     */
    public record OperationCalls(long calls, long distinct, Map<String, Long> outcomes) {

        public OperationCalls {
            outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        }

        /** Calls beyond one per logical operation. */
        public long repeats() {
            return Math.max(0, calls - distinct);
        }
    }

    public CallCounts {
        operations = Collections.unmodifiableMap(new TreeMap<>(operations));
    }

    /** Parses the sandbox's {@code GET /admin/calls} answer; an answer without operations counts nothing. */
    public static CallCounts fromJson(JsonNode answer) {
        Map<String, OperationCalls> operations = new TreeMap<>();
        answer.path("operations").properties().forEach(op -> {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            op.getValue().path("outcomes").properties().forEach(o -> outcomes.put(o.getKey(), o.getValue().asLong()));
            operations.put(op.getKey(), new OperationCalls(op.getValue().path("calls").asLong(),
                    op.getValue().path("distinct").asLong(), outcomes));
        });
        return new CallCounts(operations);
    }

    /** The calls made since {@code earlier} was taken (its keys are disjoint from later ones: new orders). */
    public CallCounts since(CallCounts earlier) {
        Map<String, OperationCalls> delta = new TreeMap<>();
        operations.forEach((name, now) -> {
            OperationCalls before = earlier.operations().get(name);
            if (before == null) {
                delta.put(name, now);
                return;
            }
            Map<String, Long> outcomes = new LinkedHashMap<>();
            now.outcomes().forEach((k, v) -> {
                long d = v - before.outcomes().getOrDefault(k, 0L);
                if (d > 0) {
                    outcomes.put(k, d);
                }
            });
            if (now.calls() > before.calls()) {
                delta.put(name, new OperationCalls(now.calls() - before.calls(), now.distinct() - before.distinct(),
                        outcomes));
            }
        });
        return new CallCounts(delta);
    }

    /** Every call but the progress feed: what the services asked of the providers. */
    @JsonProperty
    public long calls() {
        return load().mapToLong(OperationCalls::calls).sum();
    }

    /** Distinct logical operations with an effect (reserve, authorize, accept, release, commit, void, refund). */
    @JsonProperty
    public long logicalOperations() {
        return effects().mapToLong(OperationCalls::distinct).sum();
    }

    /** Calls to the operations with an effect (reserve, authorize, accept, release, commit, void, refund). */
    @JsonProperty
    public long effectCalls() {
        return effects().mapToLong(OperationCalls::calls).sum();
    }

    /**
     * Retries: calls to the operations with an effect beyond one per logical operation, quick or deferred, whichever
     * service made them. Status queries are left out: a status re-check is not a repeated effect.
     */
    public long retries() {
        return effects().mapToLong(OperationCalls::repeats).sum();
    }

    /**
     * Retry amplification: calls to the operations with an effect per logical operation (distinct idempotency key
     * or resource). 1.0 means no call was repeated; 0 when nothing was called. Status queries are not retries and
     * are left out (see {@link #callsPerOperation()}).
     */
    @JsonProperty
    public double amplification() {
        long logical = logicalOperations();
        return logical == 0 ? 0 : effectCalls() / (double) logical;
    }

    /**
     * Every provider call but the progress feed per logical operation: the providers' whole load, including the
     * shipping service's status checks of accepted shipments and the status queries that resolve ambiguous calls.
     */
    @JsonProperty
    public double callsPerOperation() {
        long logical = logicalOperations();
        return logical == 0 ? 0 : calls() / (double) logical;
    }

    /** Calls that ended in {@code outcome}, over every operation but the progress feed. */
    public long outcome(String outcome) {
        return load().mapToLong(op -> op.outcomes().getOrDefault(outcome, 0L)).sum();
    }

    /** Outcome totals over every operation but the progress feed, in a stable order. */
    @JsonProperty
    public Map<String, Long> outcomes() {
        Map<String, Long> totals = new TreeMap<>();
        load().forEach(op -> op.outcomes().forEach((k, v) -> totals.merge(k, v, Long::sum)));
        return totals;
    }

    private Stream<OperationCalls> effects() {
        return operations.entrySet().stream().filter(e -> EFFECT_OPERATIONS.contains(e.getKey()))
                .map(Map.Entry::getValue);
    }

    private Stream<OperationCalls> load() {
        return operations.entrySet().stream().filter(e -> !e.getKey().equals(PROGRESS_FEED)).map(Map.Entry::getValue);
    }
}
