package dev.orderflow.testing;

import dev.orderflow.infra.kafka.EmbeddedKafkaBroker;
import dev.orderflow.infra.kafka.KafkaBrokerSettings;
import dev.orderflow.infra.kafka.KafkaTopics;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker shared by every integration test of a JVM: an existing cluster named by
 * {@code orderflow.test.kafka.bootstrap}, else a KRaft broker in a container or in-process, as {@link FixtureMode}
 * decides. Tests isolate themselves with {@link UniqueNames}, never by
 * restarting the broker.
 */
public final class KafkaFixture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaFixture.class);
    public static final int PARTITIONS = 3;
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final Optional<Runnable> stop;
    private final Optional<Duration> startupTime;
    private final String bootstrapServers;
    private final Admin admin;

    private KafkaFixture(Optional<Runnable> stop, Optional<Duration> startupTime, String bootstrapServers) {
        this.stop = stop;
        this.startupTime = startupTime;
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    static KafkaFixture start(FixtureMode mode) {
        Optional<String> external = TestSettings.get("orderflow.test.kafka.bootstrap");
        if (external.isPresent()) {
            log.info("integration tests use the Kafka cluster at {}", external.get());
            return new KafkaFixture(Optional.empty(), Optional.empty(), external.get());
        }
        if (mode == FixtureMode.CONTAINERS) {
            long started = System.nanoTime();
            KafkaContainer container = ContainerInfrastructure.kafka(PARTITIONS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("test kafka container {} started in {} ms on {}", container.getDockerImageName(),
                    took.toMillis(), container.getBootstrapServers());
            return new KafkaFixture(Optional.of(container::stop), Optional.of(took), container.getBootstrapServers());
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(KafkaBrokerSettings.builder()
                .partitions(PARTITIONS).build());
        log.info("test kafka broker started in {} ms on {}", broker.startupTime().toMillis(), broker.bootstrapServers());
        return new KafkaFixture(Optional.of(broker::close), Optional.of(broker.startupTime()), broker.bootstrapServers());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Start-up time of the broker this fixture started (embedded or container); empty for an external cluster. */
    public Optional<Duration> startupTime() {
        return startupTime;
    }

    public Admin admin() {
        return admin;
    }

    /** Creates topics with {@link #PARTITIONS} partitions and waits until every partition answers. */
    public void createTopics(String... names) {
        createTopics(PARTITIONS, names);
    }

    public void createTopics(int partitions, String... names) {
        KafkaTopics.createAndAwait(admin, Arrays.stream(names)
                .map(n -> new NewTopic(n, partitions, (short) 1)).toList(), TOPIC_TIMEOUT);
    }

    /** Base producer settings: idempotent, acks=all, as every producer of the platform uses. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    /** Consumer settings reading a test's topics from the beginning, with manual commits. */
    public Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        stop.ifPresent(Runnable::run);
    }
}
