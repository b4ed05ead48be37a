package dev.orderflow.runtime.service;

import dev.orderflow.runtime.consumer.StageHandler;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;

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

    /**
     * Keys of the service's own beyond the runtime's, validated like them (a bad one stops start-up naming it); the
     * handler and the companions read them from {@link StageServiceContext#settings()}. None by default.
     */
    default ConfigDef settingsDefinition() {
        return new ConfigDef();
    }

    StageHandler<?> createHandler(StageServiceContext context);

    /**
     * Work that runs beside the consumer loop (e.g. following a provider's event feed), started after the loop and
     * closed before it. None by default.
     */
    default List<AutoCloseable> startCompanions(StageCompanionContext context) {
        return List.of();
    }
}
