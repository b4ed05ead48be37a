package dev.orderflow.bench.naive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One naive stage's consumers: a thread per consumer, each polling and handling its records one after the other, with
 * auto-commit (offsets are committed in the background whether or not the record was handled). A record whose
 * handling throws is logged and skipped, as such loops usually do.
 */
final class NaiveStageConsumers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NaiveStageConsumers.class);

    private final String name;
    private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final int[] assigned;
    private final int partitions;

    NaiveStageConsumers(String name, String bootstrapServers, String topic, int count, int partitions,
            NaiveStages.Stage stage, ObjectMapper json) {
        this.name = name;
        this.partitions = partitions;
        this.assigned = new int[count];
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, name);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
        for (int i = 0; i < count; i++) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer());
            consumers.add(consumer);
            int index = i;
            consumer.subscribe(List.of(topic), new Listener(index));
            Thread thread = new Thread(() -> loop(consumer, stage, json), name + "-" + i);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Waits until the group owns every partition, each consumer at least one (so the load is spread from the start). */
    synchronized void awaitAssignment(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!fullyAssigned()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException(name + ": partitions not assigned within " + timeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private boolean fullyAssigned() {
        int total = 0;
        int busy = 0;
        for (int a : assigned) {
            total += a;
            busy += a > 0 ? 1 : 0;
        }
        return total == partitions && busy == Math.min(assigned.length, partitions);
    }

    private synchronized void assignedChanged(int consumer, int delta) {
        assigned[consumer] += delta;
        notifyAll();
    }

    private void loop(KafkaConsumer<String, String> consumer, NaiveStages.Stage stage, ObjectMapper json) {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        stage.handle(json.readValue(record.value(), NaiveOrder.class));
                    } catch (Exception e) {
                        log.warn("{}: skipped a record at offset {} of partition {}: {}", name, record.offset(),
                                record.partition(), e.toString());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked the loop to end
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumers.forEach(KafkaConsumer::wakeup);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        private final int consumer;

        Listener(int consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            assignedChanged(consumer, -revoked.size());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> added) {
            assignedChanged(consumer, added.size());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            assignedChanged(consumer, -lost.size());
        }
    }
}
