package dev.orderflow.testing;

import java.time.Duration;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers side of the fixtures: a KRaft broker, PostgreSQL with logical decoding and an Apicurio
 * registry, each configured like its embedded counterpart. The only class that touches Testcontainers, so the
 * embedded path never loads it. Images can be replaced with {@code orderflow.test.image.kafka},
 * {@code .postgres} and {@code .registry} (or {@code ORDERFLOW_TEST_IMAGE_KAFKA}, ...), e.g. for a mirror.
 */
final class ContainerInfrastructure {

    /** The broker of the Kafka release the clients come from. */
    static final String KAFKA_IMAGE = "apache/kafka:" + AppInfoParser.getVersion();
    static final String POSTGRES_IMAGE = "postgres:16-alpine";
    /** The registry the embedded server builds (schema-registry-server), in-memory storage. */
    static final String REGISTRY_IMAGE = "apicurio/apicurio-registry-mem:2.4.2.Final";
    static final String REGISTRY_CONFLUENT_PATH = "/apis/ccompat/v7";

    private static final int REGISTRY_PORT = 8080;
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private ContainerInfrastructure() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static KafkaContainer kafka(int partitions) {
        KafkaContainer kafka = new KafkaContainer(image("kafka", KAFKA_IMAGE)
                .asCompatibleSubstituteFor("apache/kafka"))
                .withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(partitions))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        kafka.withStartupTimeout(STARTUP_TIMEOUT).start();
        return kafka;
    }

    /** PostgreSQL with the settings the outbox relay needs (as the embedded server has them). */
    static PostgreSQLContainer<?> postgres() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(image("postgres", POSTGRES_IMAGE)
                .asCompatibleSubstituteFor("postgres"))
                .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=32",
                        "-c", "max_wal_senders=32", "-c", "max_connections=200", "-c", "synchronous_commit=on",
                        "-c", "fsync=off");
        postgres.withStartupTimeout(STARTUP_TIMEOUT).start();
        return postgres;
    }

    static GenericContainer<?> registry() {
        GenericContainer<?> registry = new GenericContainer<>(image("registry", REGISTRY_IMAGE))
                .withExposedPorts(REGISTRY_PORT)
                .withEnv("QUARKUS_BANNER_ENABLED", "false")
                .waitingFor(Wait.forHttp(REGISTRY_CONFLUENT_PATH + "/subjects").forPort(REGISTRY_PORT)
                        .forStatusCode(200))
                .withStartupTimeout(STARTUP_TIMEOUT);
        registry.start();
        return registry;
    }

    static String registryConfluentUrl(GenericContainer<?> registry) {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT) + REGISTRY_CONFLUENT_PATH;
    }

    private static DockerImageName image(String part, String defaultImage) {
        return DockerImageName.parse(TestSettings.get("orderflow.test.image." + part).orElse(defaultImage));
    }
}
