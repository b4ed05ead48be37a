package dev.orderflow.relay.internals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import dev.orderflow.relay.RelayStartException;

/**
 * The positions Debezium stored in the relay's offset topic, read before start-up (to tell a first start from a
 * dropped slot) and cleared by an operator's {@code --reset-source}. Keys are Kafka Connect's JSON
 * {@code ["<engine name>",{...partition...}]}; the last value per key counts, a null value clears it.
 */
public final class StoredPositions {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;

    public StoredPositions(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** The stored position of an engine, as Debezium wrote it (JSON), if there is one. */
    public Optional<String> find(String engineName) {
        return readAll().entrySet().stream()
                .filter(e -> isOf(e.getKey(), engineName))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8))
                .findFirst();
    }

    /** Clears an engine's stored position; returns how many keys were cleared. */
    public int clear(String engineName) {
        List<byte[]> keys = readAll().keySet().stream().filter(k -> isOf(k, engineName))
                .map(KeyBytes::bytes).toList();
        if (keys.isEmpty()) {
            return 0;
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (byte[] key : keys) {
                producer.send(new ProducerRecord<>(topic, key, null)).get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayStartException("cannot clear the stored position of " + engineName + " in " + topic
                    + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayStartException("interrupted while clearing the stored position of " + engineName, e);
        }
        return keys.size();
    }

    private static boolean isOf(KeyBytes key, String engineName) {
        return new String(key.bytes(), StandardCharsets.UTF_8).startsWith("[\"" + engineName + "\",");
    }

    private Map<KeyBytes, byte[]> readAll() {
        try (Admin admin = Admin.create(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!topics.contains(topic)) {
                return Map.of();
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayStartException("cannot reach Kafka at " + bootstrapServers + " to read " + topic + ": "
                    + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayStartException("interrupted while reading " + topic, e);
        }
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            Map<KeyBytes, byte[]> latest = new HashMap<>();
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new RelayStartException("could not read " + topic + " to its end within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() == null) {
                        continue;
                    }
                    if (record.value() == null) {
                        latest.remove(new KeyBytes(record.key()));
                    } else {
                        latest.put(new KeyBytes(record.key()), record.value());
                    }
                }
            }
            return latest;
        }
    }

    /** Byte-array map key with value equality. */
    private record KeyBytes(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof KeyBytes other && java.util.Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
