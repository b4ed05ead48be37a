package dev.orderflow.launcher.process;

import dev.orderflow.runtime.kafka.OrderTopics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A careless upstream producer: writes records to the orders topic that are not orders — plain text, a Confluent
 * frame naming a schema id that does not exist, a valid frame with a truncated body — and remembers where each
 * landed, so every dead letter can be traced back to one of them.
 */
public final class PoisonProducer implements AutoCloseable {

    /** Where a poison record landed. */
    public record Position(int partition, long offset) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final Random random;
    private final Set<Position> sent = new HashSet<>();

    public PoisonProducer(String bootstrapServers, long seed) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "chaos-poison-producer", ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.random = new Random(seed);
    }

    /** Sends one poison record and waits for the broker's acknowledgement (through a broker restart if need be). */
    public Position send() throws InterruptedException {
        String key = "poison-" + Long.toHexString(random.nextLong());
        try {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(OrderTopics.ORDERS,
                    key.getBytes(StandardCharsets.UTF_8), value())).get();
            Position position = new Position(metadata.partition(), metadata.offset());
            synchronized (sent) {
                sent.add(position);
            }
            return position;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take a poison record: " + e.getCause(), e.getCause());
        }
    }

    private byte[] value() {
        return switch (random.nextInt(3)) {
            case 0 -> ("{\"orderId\": \"not avro at all " + random.nextInt() + "\"}").getBytes(StandardCharsets.UTF_8);
            case 1 -> ByteBuffer.allocate(13).put((byte) 0).putInt(900_000 + random.nextInt(1000))
                    .putLong(random.nextLong()).array();
            default -> {
                byte[] truncated = new byte[5 + 1 + random.nextInt(6)];
                truncated[0] = 0;
                ByteBuffer.wrap(truncated, 1, 4).putInt(1);
                yield truncated;
            }
        };
    }

    public Set<Position> sent() {
        synchronized (sent) {
            return Set.copyOf(sent);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
