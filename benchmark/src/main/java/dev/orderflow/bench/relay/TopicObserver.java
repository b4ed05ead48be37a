package dev.orderflow.bench.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning and measures what arrives: how many records, the span of their broker append
 * times (for throughput), and the latency from each record's timestamp (the outbox row's creation) to its receipt.
 */
final class TopicObserver implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Histogram latencyMicros = new Histogram(Duration.ofMinutes(5).toNanos() / 1000, 3);
    private long count;
    private long firstTimestamp = Long.MAX_VALUE;
    private long lastTimestamp = Long.MIN_VALUE;
    private long recordAfterMillis = Long.MIN_VALUE;

    TopicObserver(String bootstrap, String topic) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Latency is recorded only for records created at or after this instant (a warm-up is left out). */
    void recordLatencyFrom(Instant instant) {
        recordAfterMillis = instant.toEpochMilli();
    }

    /** Polls until {@code expected} records arrived or the timeout passed; returns the count. */
    long awaitCount(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < expected && System.nanoTime() < deadline) {
            poll();
        }
        return count;
    }

    void poll() {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
            long now = System.currentTimeMillis();
            count++;
            firstTimestamp = Math.min(firstTimestamp, r.timestamp());
            lastTimestamp = Math.max(lastTimestamp, r.timestamp());
            if (r.timestamp() >= recordAfterMillis) {
                latencyMicros.recordValue(Math.max(0, now - r.timestamp()) * 1000);
            }
        }
    }

    long count() {
        return count;
    }

    /** Time between the first and the last record's timestamp. */
    Duration timestampSpan() {
        return count < 2 ? Duration.ZERO : Duration.ofMillis(lastTimestamp - firstTimestamp);
    }

    Histogram latencyMicros() {
        return latencyMicros;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
