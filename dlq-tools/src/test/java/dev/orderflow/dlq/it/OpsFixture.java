package dev.orderflow.dlq.it;

import dev.orderflow.dlq.CliRun;
import dev.orderflow.dlq.cli.OpsContext;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import java.time.Clock;
import java.util.Map;

/** One test's world: its own consumer name (so its own DLQ and replay topics) and its own audit topic. */
final class OpsFixture {

    final KafkaFixture kafka;
    final String consumer = UniqueNames.of("payment-consumer");
    final String dlq = OrderTopics.deadLetter(consumer);
    final String replay = OrderTopics.replay(consumer);
    final String audit = UniqueNames.of("audit");
    final String commands = UniqueNames.of("commands");
    final DeadLetters deadLetters;
    private final OpsContext context;

    OpsFixture(KafkaFixture kafka, SchemaRegistryFixture registry) {
        this.kafka = kafka;
        this.deadLetters = new DeadLetters(kafka, registry);
        kafka.createTopics(dlq, replay, commands);
        this.context = new OpsContext(Map.of(
                "ORDERFLOW_OPS_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ORDERFLOW_OPS_REGISTRY_URL", registry.apicurioApiUrl(),
                "ORDERFLOW_OPS_REGISTRY_AUTO_REGISTER", "true",
                "ORDERFLOW_OPS_AUDIT_TOPIC", audit,
                "ORDERFLOW_OPS_COMMANDS_TOPIC", commands),
                Clock.systemUTC(), "alice", java.util.concurrent.TimeUnit.NANOSECONDS::sleep, (done, total) -> { });
    }

    OpsContext context() {
        return context;
    }

    CliRun run(String... args) {
        return CliRun.of(context, args);
    }

    CliRun run(OpsContext other, String... args) {
        return CliRun.of(other, args);
    }
}
