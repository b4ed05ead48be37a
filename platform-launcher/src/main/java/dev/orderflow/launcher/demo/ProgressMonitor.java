package dev.orderflow.launcher.demo;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentProgressed;
import dev.orderflow.events.FulfillmentStage;
import dev.orderflow.runtime.kafka.OrderTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads every order topic from the start and folds the events into {@link OrderProgress}, on its own thread. */
final class ProgressMonitor implements AutoCloseable {

    private static final List<String> TOPICS = List.of(OrderTopics.ORDERS, OrderTopics.INVENTORY, OrderTopics.PAYMENT,
            OrderTopics.SHIPPING, OrderTopics.EXCEPTIONS);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<SpecificRecord> avro;
    private final OrderProgress progress;
    private final Thread thread;
    private volatile long undecodable;

    ProgressMonitor(String bootstrapServers, Deserializer<SpecificRecord> avro, OrderProgress progress) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "orderflow-local-monitor-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.avro = avro;
        this.progress = progress;
        this.thread = new Thread(this::run, "orderflow-local-monitor");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Records on the order topics that are not events of the platform (poison injected upstream, for example). */
    long undecodable() {
        return undecodable;
    }

    private void run() {
        try {
            consumer.subscribe(TOPICS);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    fold(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void fold(ConsumerRecord<byte[], byte[]> record) {
        SpecificRecord event;
        try {
            event = avro.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            undecodable++;
            return;
        }
        if (event == null || !(event.get(0) instanceof EventMetadata metadata)) {
            undecodable++;
            return;
        }
        String orderId = metadata.getOrderId();
        progress.record(orderId, event.getClass().getSimpleName());
        if (event instanceof FulfillmentProgressed progressed && progressed.getStage() == FulfillmentStage.DELIVERED) {
            progress.delivered(orderId);
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
