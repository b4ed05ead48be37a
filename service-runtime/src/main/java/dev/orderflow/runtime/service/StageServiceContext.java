package dev.orderflow.runtime.service;

import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicy;
import dev.orderflow.runtime.provider.ProviderClient;
import java.time.Clock;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * What a handler is built from: its provider, its policy (and an executor applying it), the clock and the service's
 * own settings ({@link StageService#settingsDefinition()}).
 */
public record StageServiceContext(ProviderClient provider, StagePolicy policy, StageCallExecutor calls, Clock clock,
        AbstractConfig settings) {
}
