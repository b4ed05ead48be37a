package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.OffsetRange;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads a topic from a start position up to the end it had when the scan began (the last stable offset: records of
 * open or aborted transactions are never seen), then stops. Reads by assignment, so no consumer group is joined and
 * nothing is committed.
 */
final class TopicScanner {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaAccess kafka;

    TopicScanner(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** Scans the given partitions of {@code topic}, each over the offsets of {@code range} that exist. */
    void scan(String topic, Collection<Integer> partitions, OffsetRange range,
              Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        scan(partitions.stream().map(p -> new TopicPartition(topic, p)).toList(), range, sink);
    }

    /** Scans all given partitions (of any topics) together: one fetch session instead of one per topic. */
    void scan(List<TopicPartition> assigned, OffsetRange range, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        String topic = assigned.stream().map(TopicPartition::topic).distinct().collect(Collectors.joining(","));
        long from = range.from();
        long to = range.to();
        if (assigned.isEmpty()) {
            return;
        }
        KafkaConsumer<byte[], byte[]> consumer = kafka.reader();
        try {
            consumer.assign(assigned);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(assigned, kafka.timeout());
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, kafka.timeout());
            Map<TopicPartition, Long> stop = new HashMap<>();
            for (TopicPartition tp : assigned) {
                long start = Math.max(begin.get(tp), from);
                long last = to == Long.MAX_VALUE ? end.get(tp) : Math.min(end.get(tp), to + 1);
                if (start < last) {
                    consumer.seek(tp, start);
                    stop.put(tp, last);
                }
            }
            consumer.assign(stop.keySet());
            drain(consumer, stop, sink);
            consumer.unsubscribe();
        } catch (TimeoutException e) {
            throw kafka.unreachable("read " + topic, e);
        } catch (KafkaException e) {
            throw OpsException.failed("reading " + topic + " failed: " + e.getMessage(), e);
        }
    }

    private void drain(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> stop,
                       Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        long idleSince = System.nanoTime();
        while (!stop.isEmpty()) {
            var records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                idleSince = System.nanoTime();
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                Long last = stop.get(tp);
                if (last != null && record.offset() < last) {
                    sink.accept(record);
                }
            }
            // The position also moves over transaction markers, which are never returned as records.
            List<TopicPartition> done = stop.keySet().stream()
                    .filter(tp -> consumer.position(tp, kafka.timeout()) >= stop.get(tp)).toList();
            consumer.pause(done);
            done.forEach(stop::remove);
            if (System.nanoTime() - idleSince > kafka.timeout().toNanos() * 2) {
                throw kafka.unreachable("read " + stop.keySet(), new TimeoutException("no progress"));
            }
        }
    }
}
