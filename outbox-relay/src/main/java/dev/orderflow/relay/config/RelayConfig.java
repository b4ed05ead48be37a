package dev.orderflow.relay.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The relay's whole configuration, validated once at start-up. Every key is declared here with its type, default,
 * validator and documentation; a bad value fails with {@code Invalid value X for configuration KEY: reason}.
 *
 * <p>Source databases are listed in {@code sources}; each has its own keys under {@code source.<name>.} (see
 * {@link SourceConfig}). Keys under {@code producer.} are passed to the Kafka producer as they are, after the
 * relay's own safety settings, which cannot be weakened (see {@link #producerOverrides()}).
 */
public final class RelayConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SOURCES = "sources";
    public static final String TOPIC_PATTERN = "topic.pattern";
    public static final String TOPIC_MAPPING = "topic.mapping";
    public static final String OFFSET_TOPIC = "offset.topic";
    public static final String OFFSET_TOPIC_REPLICATION_FACTOR = "offset.topic.replication.factor";
    public static final String OFFSET_FLUSH_INTERVAL_MS = "offset.flush.interval.ms";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final String PUBLISH_RETRY_BACKOFF_MS = "publish.retry.backoff.ms";
    public static final String SLOT_LAG_INTERVAL_MS = "slot.lag.interval.ms";
    public static final String HTTP_PORT = "http.port";
    public static final String PRODUCER_PREFIX = "producer.";
    public static final String SOURCE_PREFIX = "source.";
    public static final String DEBEZIUM_PREFIX = "debezium.";

    /** Engine settings the relay's guarantees rest on; {@code debezium.*} may not change them. */
    private static final java.util.Set<String> FIXED_ENGINE_KEYS = java.util.Set.of("snapshot.mode",
            "publication.autocreate.mode", "plugin.name", "offset.storage", "transforms", "slot.name",
            "publication.name", "table.include.list", "binary.handling.mode", "tombstones.on.delete",
            "lsn.flush.mode", "name", "connector.class", "topic.prefix", "errors.max.retries",
            "heartbeat.action.query", "message.prefix.include.list", "message.prefix.exclude.list");

    static final Pattern SOURCE_NAME = Pattern.compile("[a-z][a-z0-9]{0,30}");
    private static final String AGGREGATE_TYPE_PLACEHOLDER = "{aggregateType}";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString() {
                @Override
                public void ensureValid(String name, Object value) {
                    if (((List<?>) value).isEmpty()) {
                        throw new ConfigException(name, value, "name at least one broker, e.g. localhost:9092");
                    }
                }
            }, Importance.HIGH, "Kafka brokers the relay publishes to, host:port[,host:port...].")
            .define(SOURCES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, RelayConfig::validateSourceNames,
                    Importance.HIGH, "Names of the source databases, e.g. inventory,payment,shipping; each needs "
                            + "source.<name>.jdbc.url and source.<name>.user.")
            .define(TOPIC_PATTERN, Type.STRING, AGGREGATE_TYPE_PLACEHOLDER, RelayConfig::validateTopicPattern,
                    Importance.MEDIUM, "Topic of an event whose aggregate type is not in topic.mapping; "
                            + AGGREGATE_TYPE_PLACEHOLDER + " is replaced by the aggregate type.")
            .define(TOPIC_MAPPING, Type.LIST, "", RelayConfig::validateTopicMapping, Importance.MEDIUM,
                    "Explicit topics per aggregate type: aggregateType=topic[,aggregateType=topic...].")
            .define(OFFSET_TOPIC, Type.STRING, "orderflow.relay.offsets", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Compacted topic holding each source's last published log position.")
            .define(OFFSET_TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, ConfigDef.Range.atLeast(1),
                    Importance.MEDIUM, "Replication factor of the offset topic when the relay creates it.")
            .define(OFFSET_FLUSH_INTERVAL_MS, Type.LONG, 0L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "How often published positions are stored; 0 stores after every batch, which keeps the "
                            + "republished window after a crash to one batch.")
            .define(POLL_INTERVAL_MS, Type.LONG, 50L, ConfigDef.Range.between(1, 10_000), Importance.MEDIUM,
                    "How long the engine collects changes before handing over a batch (it hands over earlier only when "
                            + "max.batch.size is reached): adds up to this much latency per hop. Below ~50 ms Debezium's "
                            + "queue spins for the last millisecond of every interval, which cost a quarter of a core "
                            + "for three sources here (docs/benchmark.md).")
            .define(MAX_BATCH_SIZE, Type.INT, 2048, ConfigDef.Range.between(1, 100_000), Importance.LOW,
                    "Most change events handed over (and published) in one batch.")
            .define(HEARTBEAT_INTERVAL_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "How often the relay confirms its position while the outbox is idle (each heartbeat writes a "
                            + "logical decoding message into the source's log), so the slot releases WAL written by "
                            + "other tables and other databases; 0 turns heartbeats off and an idle source's slot "
                            + "then holds WAL.")
            .define(PUBLISH_RETRY_BACKOFF_MS, Type.LONG, 1_000L, ConfigDef.Range.between(10, 600_000),
                    Importance.LOW, "Pause before re-sending a batch Kafka did not acknowledge.")
            .define(SLOT_LAG_INTERVAL_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How often each slot's lag (WAL bytes not yet confirmed) is measured for the metrics.")
            .define(HTTP_PORT, Type.INT, 8083, ConfigDef.Range.between(-1, 65535), Importance.MEDIUM,
                    "Port of /health and /metrics (Prometheus); 0 picks a free port, -1 turns them off.");

    private final List<SourceConfig> sources;
    private final Map<String, String> topicMapping;

    public RelayConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
        this.sources = getList(SOURCES).stream().map(name -> SourceConfig.from(name, originals)).toList();
        this.topicMapping = parseTopicMapping(getList(TOPIC_MAPPING));
        rejectUnknownKeys(originals);
        rejectFixedEngineKeys();
        requireUnweakened("acks", "all");
        requireUnweakened("enable.idempotence", "true");
    }

    private void rejectFixedEngineKeys() {
        for (String key : debeziumOverrides().keySet()) {
            if (FIXED_ENGINE_KEYS.contains(key) || key.startsWith("transforms.") || key.startsWith("offset.")
                    || key.startsWith("database.")) {
                throw new ConfigException(DEBEZIUM_PREFIX + key, debeziumOverrides().get(key), "the relay sets this "
                        + "engine key itself (its delivery guarantees depend on it); use the relay's own keys");
            }
        }
    }

    /** acks=all and idempotence are not negotiable: without them an acknowledged event could be lost or reordered. */
    private void requireUnweakened(String producerKey, String required) {
        Object value = producerOverrides().get(producerKey);
        if (value != null && !required.equalsIgnoreCase(value.toString().trim())) {
            throw new ConfigException(PRODUCER_PREFIX + producerKey, value, "the relay requires " + required
                    + " (events acknowledged to the database must be durable in Kafka)");
        }
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public List<SourceConfig> sources() {
        return sources;
    }

    /** Where events of {@code aggregateType} go: the explicit mapping, else the pattern. */
    public String topicFor(String aggregateType) {
        String mapped = topicMapping.get(aggregateType);
        return mapped != null ? mapped : getString(TOPIC_PATTERN).replace(AGGREGATE_TYPE_PLACEHOLDER, aggregateType);
    }

    public String offsetTopic() {
        return getString(OFFSET_TOPIC);
    }

    public short offsetTopicReplicationFactor() {
        return getShort(OFFSET_TOPIC_REPLICATION_FACTOR);
    }

    public Duration offsetFlushInterval() {
        return Duration.ofMillis(getLong(OFFSET_FLUSH_INTERVAL_MS));
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    public int maxBatchSize() {
        return getInt(MAX_BATCH_SIZE);
    }

    public Duration heartbeatInterval() {
        return Duration.ofMillis(getLong(HEARTBEAT_INTERVAL_MS));
    }

    public Duration publishRetryBackoff() {
        return Duration.ofMillis(getLong(PUBLISH_RETRY_BACKOFF_MS));
    }

    public Duration slotLagInterval() {
        return Duration.ofMillis(getLong(SLOT_LAG_INTERVAL_MS));
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    /** {@code producer.*} keys without the prefix. */
    public Map<String, Object> producerOverrides() {
        return originalsWithPrefix(PRODUCER_PREFIX);
    }

    /** {@code debezium.*} keys without the prefix: engine tuning such as {@code record.processing.threads}. */
    public Map<String, Object> debeziumOverrides() {
        return originalsWithPrefix(DEBEZIUM_PREFIX);
    }

    /** The effective configuration for the start-up log, passwords masked. */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        for (String key : DEFINITION.names()) {
            Object value = values().get(key);
            described.put(key, value == null ? "" : value.toString());
        }
        for (SourceConfig source : sources) {
            described.putAll(source.describe());
        }
        producerOverrides().forEach((k, v) -> described.put(PRODUCER_PREFIX + k, String.valueOf(v)));
        debeziumOverrides().forEach((k, v) -> described.put(DEBEZIUM_PREFIX + k, String.valueOf(v)));
        return described;
    }

    private void rejectUnknownKeys(Map<?, ?> originals) {
        List<String> unknown = new ArrayList<>();
        for (Object k : originals.keySet()) {
            String key = k.toString();
            boolean known = DEFINITION.names().contains(key) || key.startsWith(PRODUCER_PREFIX)
                    || key.startsWith(DEBEZIUM_PREFIX)
                    || sources.stream().anyMatch(s -> s.owns(key));
            if (!known) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String key = unknown.get(0);
            throw new ConfigException(key, originals.get(key), "unknown key (a typo, or a source not listed in "
                    + SOURCES + "?); known keys: " + String.join(", ", DEFINITION.names())
                    + ", source.<name>.*, producer.*, debezium.*");
        }
    }

    private static void validateSourceNames(String name, Object value) {
        List<?> names = (List<?>) value;
        if (names.isEmpty()) {
            throw new ConfigException(name, value, "list at least one source database");
        }
        for (Object n : names) {
            if (!SOURCE_NAME.matcher(n.toString()).matches()) {
                throw new ConfigException(name, value, "source name '" + n
                        + "' must be lower-case letters and digits, starting with a letter (at most 31)");
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new ConfigException(name, value, "a source is listed twice");
        }
    }

    private static void validateTopicPattern(String name, Object value) {
        String pattern = (String) value;
        if (pattern == null || pattern.isBlank()) {
            throw new ConfigException(name, value, "must not be blank");
        }
        String example = pattern.replace(AGGREGATE_TYPE_PLACEHOLDER, "order");
        if (!TopicNames.isLegal(example)) {
            throw new ConfigException(name, value, "does not give a legal topic name (" + TopicNames.RULE + ")");
        }
    }

    private static void validateTopicMapping(String name, Object value) {
        parseTopicMapping(((List<?>) value).stream().map(Object::toString).toList(), name);
    }

    private static Map<String, String> parseTopicMapping(List<String> entries) {
        return parseTopicMapping(entries, TOPIC_MAPPING);
    }

    private static Map<String, String> parseTopicMapping(List<String> entries, String key) {
        Map<String, String> mapping = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new ConfigException(key, String.join(",", entries), "entry '" + entry
                        + "' is not aggregateType=topic");
            }
            String topic = entry.substring(eq + 1).trim();
            if (!TopicNames.isLegal(topic)) {
                throw new ConfigException(key, String.join(",", entries), "'" + topic + "' is not a legal topic name ("
                        + TopicNames.RULE + ")");
            }
            if (mapping.put(entry.substring(0, eq).trim(), topic) != null) {
                throw new ConfigException(key, String.join(",", entries), "aggregate type '"
                        + entry.substring(0, eq).trim() + "' is mapped twice");
            }
        }
        return Map.copyOf(mapping);
    }
}
