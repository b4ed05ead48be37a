package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.AuditEntry;
import dev.orderflow.dlq.domain.OffsetRange;
import dev.orderflow.dlq.domain.StatusBook;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The audit log: an append-only Kafka topic of JSON entries. Entries are written inside the same transaction as
 * the records they describe (see {@link TransactionalSender}) and read with {@code read_committed}, so the log
 * holds exactly the actions that took effect.
 */
public final class AuditLog {

    private final KafkaAccess kafka;
    private final String topic;

    public AuditLog(KafkaAccess kafka) {
        this.kafka = kafka;
        this.topic = kafka.config().auditTopic();
    }

    public String topic() {
        return topic;
    }

    /** Every entry in log order, and the ones that could not be parsed as warnings. */
    public List<AuditEntry> readAll(List<String> warnings) {
        if (!kafka.exists(topic)) {
            return List.of();
        }
        int partitions = kafka.describe(topic, "").partitions().size();
        List<AuditEntry> entries = new ArrayList<>();
        new TopicScanner(kafka).scan(topic, IntStream.range(0, partitions).boxed().toList(), OffsetRange.ALL, r -> {
            try {
                entries.add(AuditJson.parse(r.value()));
            } catch (IllegalArgumentException e) {
                warnings.add("audit record " + r.partition() + "@" + r.offset() + " skipped: " + e.getMessage());
            }
        });
        if (partitions > 1) {
            // A topic created by someone else with several partitions has order only per partition.
            entries.sort(java.util.Comparator.comparing(AuditEntry::at));
        }
        return entries;
    }

    public StatusBook statuses(List<String> warnings) {
        return StatusBook.of(readAll(warnings));
    }

    public ProducerRecord<byte[], byte[]> record(AuditEntry entry) {
        String key = Optional.ofNullable(entry.orderId()).orElse(entry.action().name());
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), AuditJson.toBytes(entry));
    }

    /**
     * Creates the topic if missing (one partition keeps one total order of entries) and waits until it answers,
     * since producing right after creation can stall (KAFKA-15591).
     */
    public void ensureExists() {
        if (kafka.exists(topic)) {
            return;
        }
        try {
            kafka.admin().createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
                    .all().get(kafka.timeoutMs(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw OpsException.failed("cannot create the audit topic " + topic + ": " + e.getCause().getMessage()
                        + "; create it (one partition, no deletion) or set audit.topic", e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw kafka.unreachable("create the audit topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsException.failed("interrupted", e);
        }
        awaitAnswering();
    }

    private void awaitAnswering() {
        long deadline = System.nanoTime() + kafka.timeout().toNanos() * 2;
        while (true) {
            try {
                kafka.admin().listOffsets(java.util.Map.of(new TopicPartition(topic, 0), OffsetSpec.latest()),
                        new ListOffsetsOptions().timeoutMs(kafka.timeoutMs())).all()
                        .get(kafka.timeoutMs(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw kafka.unreachable("use the new audit topic " + topic, e.getCause());
                }
                // Metadata of a just-created topic propagates within milliseconds; polling again is the only way.
                Thread.onSpinWait();
            } catch (java.util.concurrent.TimeoutException e) {
                throw kafka.unreachable("use the new audit topic " + topic, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw OpsException.failed("interrupted", e);
            }
        }
    }
}
