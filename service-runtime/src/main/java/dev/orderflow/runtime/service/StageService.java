package dev.orderflow.runtime.service;

import dev.orderflow.runtime.consumer.StageHandler;
import java.util.List;
import java.util.Map;

/**
 * What makes a stage service: a name, the topics it reads, its policy defaults and its handler. Everything else
 * (configuration, database, consumer loop, HTTP endpoint, shutdown) is the same for every service and lives in
 * {@link StageServiceRunner}.
 */
public interface StageService {

    /** Consumer name: its group id, dedupe scope, DLQ {@code <name>.dlq}, replay topic {@code <name>.replay}. */
    String name();

    /** The stage's policy name ({@code policy.<stage>.*} keys). */
    String stage();

    /** Input topics when {@code input.topics} is not configured; the first decides deferred-work ownership. */
    List<String> defaultInputTopics();

    /** Policy values that differ from {@link dev.orderflow.runtime.policy.StagePolicyConfig#baseDefaults()}. */
    Map<String, String> policyDefaults();

    /** Flyway location of the service's own migrations (V100+), or null when it needs only the runtime's tables. */
    String migrationLocation();

    StageHandler<?> createHandler(StageServiceContext context);
}
