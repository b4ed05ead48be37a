package dev.orderflow.runtime.service;

import dev.orderflow.runtime.serde.RegistrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a companion of the consumer loop works with: the stage's context, the service's database, and how to reach
 * Kafka like the loop does.
 *
 * @param consumerName   the consumer's name (its group id and dedupe scope)
 * @param inputTopics    the topics the consumer loop reads
 * @param producerConfig an idempotent producer's configuration ({@code acks=all}), for a client id of its own
 * @param registry       the schema registry the loop decodes with
 */
public record StageCompanionContext(StageServiceContext stage, String consumerName, List<String> inputTopics,
        DataSource dataSource, Map<String, Object> producerConfig, RegistrySettings registry, MeterRegistry meters) {

    public StageCompanionContext {
        inputTopics = List.copyOf(inputTopics);
        producerConfig = Map.copyOf(producerConfig);
    }
}
