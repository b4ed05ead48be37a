package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.config.OpsConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients of one command run, all with the configured short timeouts, so an unreachable broker is an
 * error within seconds instead of a hang. Client failures become {@link OpsException}s that say what to check.
 */
public final class KafkaAccess implements AutoCloseable {

    private final OpsConfig config;
    private Admin admin;
    private KafkaConsumer<byte[], byte[]> reader;

    public KafkaAccess(OpsConfig config) {
        this.config = config;
    }

    public OpsConfig config() {
        return config;
    }

    public Duration timeout() {
        return config.timeout();
    }

    /** Fails fast with {@link dev.orderflow.dlq.ExitCode#UNREACHABLE} unless a broker answers. */
    public void checkReachable() {
        await(admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs())).nodes(), "connect");
    }

    public Set<String> topicNames() {
        return await(admin().listTopics(new ListTopicsOptions().timeoutMs(timeoutMs())).names(), "list topics");
    }

    /** The topic's description, or {@link dev.orderflow.dlq.ExitCode#NOT_FOUND} with a hint. */
    public TopicDescription describe(String topic, String hint) {
        try {
            return admin().describeTopics(List.of(topic)).allTopicNames().get(timeoutMs(), TimeUnit.MILLISECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw OpsException.notFound("topic " + topic + " does not exist" + hint);
            }
            throw unreachable("describe topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable("describe topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsException.failed("interrupted", e);
        }
    }

    public boolean exists(String topic) {
        return topicNames().contains(topic);
    }

    /** The one reading consumer of this run, reassigned by each scan: creating a consumer per topic is slow. */
    KafkaConsumer<byte[], byte[]> reader() {
        if (reader == null) {
            reader = consumer();
        }
        return reader;
    }

    public KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = common();
        // No group: the tool reads by assignment and never commits offsets on the consumers' behalf.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return guarded(() -> new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
    }

    /**
     * A transactional producer: records and their audit entries are committed together, so progress is never
     * recorded for a record the broker did not take, and a record is never taken without its audit entry.
     */
    public KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
        Map<String, Object> props = common();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(30_000, 3 * timeoutMs()));
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        return guarded(() -> new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    public Admin admin() {
        if (admin == null) {
            Map<String, Object> props = common();
            props.put(AdminClientConfig.RETRIES_CONFIG, 3);
            admin = guarded(() -> Admin.create(props));
        }
        return admin;
    }

    public OpsException unreachable(String action, Throwable cause) {
        return OpsException.unreachable("cannot " + action + " on Kafka at " + String.join(",",
                config.bootstrapServers()) + " within " + timeoutMs() + " ms (" + describe(cause)
                + "): check --bootstrap-servers (ORDERFLOW_OPS_BOOTSTRAP_SERVERS) and that the brokers are up", cause);
    }

    <T> T await(KafkaFuture<T> future, String action) {
        try {
            return future.get(timeoutMs() + 1000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unreachable(action, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsException.failed("interrupted", e);
        }
    }

    int timeoutMs() {
        return (int) config.timeout().toMillis();
    }

    private Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>(config.clientOverrides());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, String.join(",", config.bootstrapServers()));
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs());
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs());
        props.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(timeoutMs(), 10_000L));
        props.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(timeoutMs(), 10_000L));
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000L);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "orderflow-ops");
        return props;
    }

    private <T> T guarded(java.util.function.Supplier<T> create) {
        try {
            return create.get();
        } catch (KafkaException e) {
            throw unreachable("create a client", e);
        }
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
