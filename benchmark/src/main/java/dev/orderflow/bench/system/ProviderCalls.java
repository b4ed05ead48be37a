package dev.orderflow.bench.system;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.sandbox.client.CallCounts;
import java.util.Map;

/**
 * A run's provider calls in the report: the sandbox's {@link CallCounts} (counted, parsed and summed there), with
 * their figures at the top level of the report's {@code providerCalls}.
 *
 * @param counts the sandbox's counts, per operation, with retry amplification and the providers' load
 */
public record ProviderCalls(@JsonUnwrapped CallCounts counts) {

    /** Parses the sandbox's {@code GET /admin/calls} answer. */
    public static ProviderCalls fromJson(JsonNode answer) {
        return new ProviderCalls(CallCounts.fromJson(answer));
    }

    /** The calls made since {@code earlier} was taken. */
    public ProviderCalls since(ProviderCalls earlier) {
        return new ProviderCalls(counts.since(earlier.counts()));
    }

    /** See {@link CallCounts#amplification()}. */
    public double amplification() {
        return counts.amplification();
    }

    /** See {@link CallCounts#outcomes()}. */
    public Map<String, Long> outcomes() {
        return counts.outcomes();
    }
}
