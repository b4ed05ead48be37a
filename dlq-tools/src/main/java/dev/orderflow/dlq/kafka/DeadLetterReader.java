package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.DeadLetter;
import dev.orderflow.dlq.domain.RecordFilter;
import dev.orderflow.dlq.domain.RecordHeader;
import dev.orderflow.dlq.domain.RecordRef;
import dev.orderflow.runtime.kafka.OrderTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads dead letters of one DLQ topic, narrowed by partition and offset range before anything is fetched. */
public final class DeadLetterReader {

    static final String LIST_HINT = ": run 'orderflow-ops dlq list' to see the dead-letter topics";

    private final KafkaAccess kafka;

    public DeadLetterReader(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** Every DLQ topic of the cluster ({@code <consumer>.dlq}), sorted. */
    public List<String> deadLetterTopics() {
        return kafka.topicNames().stream().filter(t -> OrderTopics.consumerOfDeadLetter(t) != null).sorted().toList();
    }

    /**
     * Records of {@code topic} within the filter's partition and offset range; the other criteria are applied by the
     * caller, who also knows the statuses.
     */
    public List<DeadLetter> read(String topic, RecordFilter filter) {
        if (OrderTopics.consumerOfDeadLetter(topic) == null) {
            throw OpsException.usage("'" + topic + "' is not a dead-letter topic (they are named <consumer>.dlq)"
                    + LIST_HINT);
        }
        TopicDescription description = kafka.describe(topic, LIST_HINT);
        int partitions = description.partitions().size();
        if (filter.partition() != null && filter.partition() >= partitions) {
            throw OpsException.usage("--partition " + filter.partition() + " does not exist: " + topic + " has "
                    + partitions + " partitions (0.." + (partitions - 1) + ")");
        }
        List<Integer> wanted = IntStream.range(0, partitions).boxed()
                .filter(p -> filter.partition() == null || filter.partition().equals(p)).toList();
        List<DeadLetter> records = new ArrayList<>();
        new TopicScanner(kafka).scan(topic, wanted, filter.offsets(), r -> records.add(toDeadLetter(r)));
        return records;
    }

    /** Every record of the given DLQ topics, read in one pass, by topic. */
    public java.util.Map<String, List<DeadLetter>> readAll(List<String> topics) {
        java.util.Map<String, List<DeadLetter>> byTopic = new java.util.TreeMap<>();
        if (topics.isEmpty()) {
            return byTopic;
        }
        List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
        kafka.await(kafka.admin().describeTopics(topics).allTopicNames(), "describe the dead-letter topics")
                .forEach((name, description) -> {
                    byTopic.put(name, new ArrayList<>());
                    description.partitions().forEach(p -> partitions.add(
                            new org.apache.kafka.common.TopicPartition(name, p.partition())));
                });
        new TopicScanner(kafka).scan(partitions, dev.orderflow.dlq.domain.OffsetRange.ALL,
                r -> byTopic.get(r.topic()).add(toDeadLetter(r)));
        return byTopic;
    }

    static DeadLetter toDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        List<RecordHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new RecordHeader(header.key(), header.value()));
        }
        return new DeadLetter(new RecordRef(record.topic(), record.partition(), record.offset()),
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), headers);
    }
}
