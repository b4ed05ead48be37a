package dev.orderflow.runtime.service;

import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicy;
import dev.orderflow.runtime.provider.ProviderClient;
import java.time.Clock;

/** What a handler is built from: its provider, its policy (and an executor applying it) and the clock. */
public record StageServiceContext(ProviderClient provider, StagePolicy policy, StageCallExecutor calls, Clock clock) {
}
