package dev.orderflow.bench.system;

import dev.orderflow.sandbox.client.CallCounts;

/**
 * What a pipeline's providers saw during a run.
 *
 * @param providerCalls the sandbox's calls per operation and outcome, with retry amplification and the providers' load
 * @param audit         the invariant audit
 */
public record PipelineFindings(CallCounts providerCalls, InvariantAudit audit) {
}
