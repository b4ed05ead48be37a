package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.AuditEntries;
import dev.orderflow.dlq.domain.OperatorCommand;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes an operator command event to the commands topic, keyed by order id, in one transaction with its audit
 * entry: the command is sent exactly when its audit entry is written.
 */
public final class CommandPublisher {

    private final KafkaAccess kafka;
    private final AuditLog audit;

    public CommandPublisher(KafkaAccess kafka, AuditLog audit) {
        this.kafka = kafka;
        this.audit = audit;
    }

    public void publish(OperatorCommand command, SpecificRecord event) {
        String topic = kafka.config().commandsTopic();
        String registry = kafka.config().registryUrl();
        if (registry.isEmpty()) {
            throw OpsException.usage("order commands are Avro events and need the schema registry: set "
                    + "--registry-url or ORDERFLOW_OPS_REGISTRY_URL");
        }
        kafka.describe(topic, ": create it or set commands.topic to the platform's commands topic");
        byte[] value;
        try (Serializer<SpecificRecord> serializer = EventSerdes.valueSerializer(
                RegistrySettings.of(registry).withAutoRegister(kafka.config().registryAutoRegister()))) {
            value = serializer.serialize(topic, event);
        } catch (RuntimeException e) {
            throw OpsException.unreachable("cannot serialize " + event.getSchema().getName() + " with the schema "
                    + "registry at " + registry + " (" + e.getMessage() + "): check --registry-url and that the "
                    + "schema is registered", e);
        }
        audit.ensureExists();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                command.orderId().getBytes(StandardCharsets.UTF_8), value);
        try (TransactionalSender sender = new TransactionalSender(kafka, "orderflow-ops-commands-"
                + command.orderId())) {
            sender.send(List.of(record, audit.record(AuditEntries.command(command, topic))));
        }
    }
}
