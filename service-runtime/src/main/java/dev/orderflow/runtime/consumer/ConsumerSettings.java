package dev.orderflow.runtime.consumer;

import dev.orderflow.runtime.config.Durations;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.outbox.OutboxMode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Typed, validated settings of the consumer runtime (every stage service has them). A bad value stops start-up
 * naming the key. Kafka client settings pass through under {@code kafka.consumer.*} and {@code kafka.producer.*};
 * the ones the runtime's guarantees depend on (manual offset commits, acks=all) cannot be overridden.
 */
public final class ConsumerSettings extends AbstractConfig {

    public static final String NAME = "consumer.name";
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String INPUT_TOPICS = "input.topics";
    public static final String REGISTRY_URL = "registry.url";
    public static final String LOOP_THREADS = "loop.threads";
    public static final String WORKER_THREADS = "worker.threads";
    public static final String MAX_POLL_RECORDS = "max.poll.records";
    public static final String POLL_TIMEOUT = "poll.timeout";
    public static final String DEFERRED_CHECK_INTERVAL = "deferred.check.interval";
    public static final String DEFERRED_BATCH_SIZE = "deferred.batch.size";
    public static final String PARKING_SCHEDULE = "parking.schedule";
    public static final String PARKING_DEADLINE = "parking.deadline";
    public static final String BATCH_RETRY_BACKOFF_INITIAL = "batch.retry.backoff.initial";
    public static final String BATCH_RETRY_BACKOFF_MAX = "batch.retry.backoff.max";
    public static final String DEAD_LETTER_ACK_TIMEOUT = "dead.letter.ack.timeout";
    public static final String OUTBOX_WRITE = "outbox.write";
    public static final String KAFKA_CONSUMER_PREFIX = "kafka.consumer.";
    public static final String KAFKA_PRODUCER_PREFIX = "kafka.producer.";

    private static final List<String> FIXED_CLIENT_KEYS = List.of("enable.auto.commit", "group.id",
            "key.deserializer", "value.deserializer", "key.serializer", "value.serializer", "acks",
            "enable.idempotence", "isolation.level");

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The consumer's name: its consumer group, dedupe scope, dead-letter topic <name>.dlq and "
                            + "replay topic <name>.replay.")
            .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Kafka brokers, host:port[,host:port...].")
            .define(INPUT_TOPICS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Topics this consumer reads (its replay topic is added). All have the same partition count; "
                            + "the first one decides which instance owns an order's deferred work.")
            .define(REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Schema registry (Confluent-compatible API or Apicurio v2 API base URL).")
            .define(LOOP_THREADS, Type.INT, 2, Range.between(1, 64), Importance.MEDIUM,
                    "Consumer loops per service instance, as Kafka Streams' num.stream.threads: each is a member of "
                            + "the one consumer group with its own partitions, batches and worker pool, so one loop "
                            + "handles a batch while another waits on the database or the broker. An order stays on "
                            + "one loop (its partition does); more loops than partitions leave the rest idle.")
            .define(WORKER_THREADS, Type.INT, 16, Range.between(1, 1024), Importance.MEDIUM,
                    "Threads of each loop handling different orders of one batch concurrently (provider calls are "
                            + "I/O).")
            .define(MAX_POLL_RECORDS, Type.INT, 500, Range.between(1, 10_000), Importance.MEDIUM,
                    "Most records per poll, and so per database transaction.")
            .define(POLL_TIMEOUT, Type.STRING, "100ms", Durations.positive(), Importance.LOW,
                    "How long a poll waits for records.")
            .define(DEFERRED_CHECK_INTERVAL, Type.STRING, "250ms", Durations.positive(), Importance.MEDIUM,
                    "How often due deferred work is looked for.")
            .define(DEFERRED_BATCH_SIZE, Type.INT, 200, Range.between(1, 10_000), Importance.LOW,
                    "Most due deferred actions taken into one batch.")
            .define(PARKING_SCHEDULE, Type.STRING, "1s,5s,30s,2m,10m", Durations.positiveList(), Importance.MEDIUM,
                    "Delays before a parked event (a retryable failure) is delivered again; the last repeats.")
            .define(PARKING_DEADLINE, Type.STRING, "1h", Durations.positive(), Importance.MEDIUM,
                    "How long a parked event may keep failing before it is dead-lettered.")
            .define(BATCH_RETRY_BACKOFF_INITIAL, Type.STRING, "200ms", Durations.positive(), Importance.LOW,
                    "First pause before a batch that could not be committed is handled again; doubles per failure.")
            .define(BATCH_RETRY_BACKOFF_MAX, Type.STRING, "10s", Durations.positive(), Importance.LOW,
                    "Longest pause between attempts at a batch that could not be committed.")
            .define(DEAD_LETTER_ACK_TIMEOUT, Type.STRING, "30s", Durations.positive(), Importance.LOW,
                    "How long to wait for the broker to acknowledge dead letters before the batch is retried.")
            .define(OUTBOX_WRITE, Type.STRING, OutboxMode.TABLE.configName(),
                    ConfigDef.CaseInsensitiveValidString.in(OutboxMode.names().toArray(String[]::new)),
                    Importance.LOW, "How outgoing events enter the database log for the outbox relay: 'table' "
                            + "(a row of the outbox table, inserted and deleted in the batch's transaction) or "
                            + "'message' (one transactional logical decoding message per batch; PostgreSQL 14+, "
                            + "less database work). The relay reads both.");

    private final Map<String, Object> all;

    public ConsumerSettings(Map<String, ?> values) {
        super(DEFINITION, own(values), false);
        this.all = Map.copyOf(values);
        for (String key : values.keySet()) {
            boolean passthrough = key.startsWith(KAFKA_CONSUMER_PREFIX) || key.startsWith(KAFKA_PRODUCER_PREFIX);
            if (!DEFINITION.names().contains(key) && !passthrough) {
                throw new ConfigException(key, values.get(key), "unknown consumer runtime key");
            }
            if (passthrough && FIXED_CLIENT_KEYS.contains(key.substring(key.indexOf('.', 6) + 1))) {
                throw new ConfigException(key, values.get(key), "set by the runtime (its delivery guarantees "
                        + "depend on it)");
            }
        }
        if (inputTopics().isEmpty()) {
            throw new ConfigException(INPUT_TOPICS, "", "name at least one topic");
        }
        if (duration(BATCH_RETRY_BACKOFF_MAX).compareTo(duration(BATCH_RETRY_BACKOFF_INITIAL)) < 0) {
            throw new ConfigException(BATCH_RETRY_BACKOFF_MAX, getString(BATCH_RETRY_BACKOFF_MAX),
                    "must not be shorter than " + BATCH_RETRY_BACKOFF_INITIAL);
        }
        URI.create(getString(REGISTRY_URL));
    }

    private static Map<String, Object> own(Map<String, ?> values) {
        Map<String, Object> own = new HashMap<>();
        values.forEach((k, v) -> {
            if (DEFINITION.names().contains(k)) {
                own.put(k, v);
            }
        });
        return own;
    }

    public String name() {
        return getString(NAME);
    }

    public List<String> inputTopics() {
        return getList(INPUT_TOPICS);
    }

    public String deadLetterTopic() {
        return OrderTopics.deadLetter(name());
    }

    public String replayTopic() {
        return OrderTopics.replay(name());
    }

    public OutboxMode outboxMode() {
        return OutboxMode.parse(getString(OUTBOX_WRITE));
    }

    public Duration duration(String key) {
        return Durations.parse(key, getString(key));
    }

    public List<Duration> durations(String key) {
        return Durations.parseList(key, getString(key));
    }

    /**
     * An idempotent producer's configuration ({@code acks=all}): the {@code kafka.producer.*} overrides, the brokers,
     * and the client id {@code <name>-<purpose>}. Dead letters and anything a service publishes beside its outbox
     * use it.
     */
    public Map<String, Object> producerConfig(String purpose) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.putAll(clientOverrides(KAFKA_PRODUCER_PREFIX));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, getList(BOOTSTRAP_SERVERS));
        config.put(ProducerConfig.CLIENT_ID_CONFIG, name() + "-" + purpose);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    Map<String, Object> clientOverrides(String prefix) {
        Map<String, Object> overrides = new HashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                overrides.put(k.substring(prefix.length()), v);
            }
        });
        return overrides;
    }
}
