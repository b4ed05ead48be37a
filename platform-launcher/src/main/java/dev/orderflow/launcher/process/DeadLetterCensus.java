package dev.orderflow.launcher.process;

import dev.orderflow.launcher.process.PoisonProducer.Position;
import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import dev.orderflow.runtime.kafka.OrderTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record in every dead-letter topic, traced to its origin: a poison record the run injected (accounted for),
 * or anything else (unaccounted: a record that should have been processed was dead-lettered). A poison record may
 * be dead-lettered twice by one consumer when the consumer crashed between the dead letter and its offset commit;
 * that is the documented at-least-once of the DLQ and still accounted for.
 */
public final class DeadLetterCensus {

    /** What one dead-letter topic holds. */
    public record Topic(String topic, long records, long fromPoison, Set<Position> poisonSeen,
            List<String> unaccounted) {
    }

    private final String bootstrapServers;

    public DeadLetterCensus(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Reads each dead-letter topic from its start to its current end. */
    public Map<String, Topic> count(List<String> consumers, Set<Position> poison) {
        Map<String, Topic> topics = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "chaos-dlq-census-" + UUID.randomUUID(),
                // What operators see (dlq-tools reads read_committed): order-stream dead-letters inside its
                // exactly-once transactions, and a transaction aborted by a crash is not a dead letter.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String name : consumers) {
                String topic = OrderTopics.deadLetter(name);
                topics.put(topic, read(consumer, topic, poison));
            }
        }
        return topics;
    }

    private static Topic read(KafkaConsumer<byte[], byte[]> consumer, String topic, Set<Position> poison) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        long records = 0;
        long fromPoison = 0;
        Set<Position> seen = new HashSet<>();
        List<String> unaccounted = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                records++;
                String origin = text(record, DeadLetterHeaders.ORIGINAL_TOPIC);
                Position position = new Position(parseInt(text(record, DeadLetterHeaders.ORIGINAL_PARTITION)),
                        parseLong(text(record, DeadLetterHeaders.ORIGINAL_OFFSET)));
                if (OrderTopics.ORDERS.equals(origin) && poison.contains(position)) {
                    fromPoison++;
                    seen.add(position);
                } else {
                    unaccounted.add(origin + "-" + position.partition() + "@" + position.offset() + " ("
                            + text(record, DeadLetterHeaders.FAILURE_CATEGORY) + ": "
                            + text(record, DeadLetterHeaders.EXCEPTION_MESSAGE) + ")");
                }
            }
        }
        return new Topic(topic, records, fromPoison, Set.copyOf(seen), List.copyOf(unaccounted));
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
