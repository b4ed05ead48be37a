package dev.orderflow.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads topics from the beginning and keeps every record, for tests that count what arrived. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    TopicReader(Map<String, Object> consumerConfig, Collection<String> topics) {
        this.consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // Assigned, not subscribed: no consumer group whose rebalance (say, after a broker restart) could rewind
        // the reader to the beginning and make re-read records look like duplicates.
        List<TopicPartition> partitions = topics.stream()
                .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(30)).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once and returns how many records have arrived in all. */
    int poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        return records.size();
    }

    List<ConsumerRecord<byte[], byte[]>> records() {
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
