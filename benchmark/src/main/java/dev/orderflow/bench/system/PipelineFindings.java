package dev.orderflow.bench.system;

/**
 * What a pipeline's providers saw during a run.
 *
 * @param providerCalls calls per operation and outcome
 * @param audit         the invariant audit
 */
public record PipelineFindings(ProviderCalls providerCalls, InvariantAudit audit) {
}
