package dev.orderflow.orderstream.config;

import dev.orderflow.orderstream.domain.EscalationPolicy;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.ViewLimits;
import dev.orderflow.orderstream.topology.BoundedRocksDbConfig;
import dev.orderflow.orderstream.topology.DeadLetteringDeserializationHandler;
import dev.orderflow.orderstream.topology.DeadLetteringProcessingHandler;
import dev.orderflow.orderstream.topology.FailingProductionHandler;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.runtime.serde.RegistrySettings;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole configuration of order-stream, validated once at start-up: every key is declared here with type,
 * default, validator and documentation; unknown keys and bad values fail with
 * {@code Invalid value X for configuration KEY: reason}.
 *
 * <p>{@code escalation.deadline.<STATE>} sets a state's deadline (ISO-8601 duration such as {@code PT15M}, or
 * {@code off}); states not named keep {@link EscalationPolicy#defaultDeadlines()}. {@code streams.*} keys go to
 * Kafka Streams as they are, except the few the app's guarantees rest on (see {@link #FIXED_STREAMS_KEYS}).
 */
public final class OrderStreamConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String APPLICATION_ID = "application.id";
    public static final String REGISTRY_URL = "registry.url";
    public static final String REGISTRY_AUTO_REGISTER = "registry.auto.register";
    public static final String TOPIC_ORDERS = "topic.orders";
    public static final String TOPIC_INVENTORY = "topic.inventory";
    public static final String TOPIC_PAYMENT = "topic.payment";
    public static final String TOPIC_SHIPPING = "topic.shipping";
    public static final String TOPIC_COMMANDS = "topic.commands";
    public static final String TOPIC_STATE = "topic.state";
    public static final String TOPIC_EXCEPTIONS = "topic.exceptions";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String HTTP_PORT = "http.port";
    public static final String APPLICATION_SERVER = "application.server";
    public static final String STATE_DIR = "state.dir";
    public static final String STATE_STORE_TYPE = "state.store.type";
    public static final String STATE_STORE_MEMORY_MB = "state.store.memory.mb";
    public static final String PUNCTUATION_INTERVAL_MS = "punctuation.interval.ms";
    public static final String ESCALATION_MAX_PER_PUNCTUATION = "escalation.max.per.punctuation";
    public static final String TIMELINE_MAX_ENTRIES = "timeline.max.entries";
    public static final String DEDUPE_MAX_EVENT_IDS = "dedupe.max.event.ids";
    public static final String ANOMALIES_MAX = "anomalies.max";
    public static final String HTTP_FORWARD_TIMEOUT_MS = "http.forward.timeout.ms";
    public static final String INTAKE_JDBC_URL = "intake.jdbc.url";
    public static final String INTAKE_JDBC_USER = "intake.jdbc.user";
    public static final String INTAKE_JDBC_PASSWORD = "intake.jdbc.password";
    public static final String INTAKE_MAX_IN_FLIGHT = "intake.max.in.flight";
    public static final String INTAKE_OUTBOX_WRITE = "intake.outbox.write";
    public static final String ESCALATION_DEADLINE_PREFIX = "escalation.deadline.";
    public static final String STREAMS_PREFIX = "streams.";

    /** The consumer name of order-stream: its dead-letter topic is {@code order-stream.dlq}. */
    public static final String CONSUMER_NAME = "order-stream";
    public static final String STORE_ROCKSDB = "rocksdb";
    public static final String STORE_IN_MEMORY = "in_memory";

    /** Streams keys the app sets itself: exactly-once, identity, error handling and interactive queries. */
    public static final Set<String> FIXED_STREAMS_KEYS = Set.of("processing.guarantee", "application.id",
            "bootstrap.servers", "application.server", "state.dir", "deserialization.exception.handler",
            "default.deserialization.exception.handler", "production.exception.handler",
            "default.production.exception.handler", "processing.exception.handler",
            "errors.dead.letter.queue.topic.name");

    private static final String OFF = "off";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, OrderStreamConfig::requireNonEmptyList,
                    Importance.HIGH, "Kafka brokers, host:port[,host:port...].")
            .define(APPLICATION_ID, Type.STRING, CONSUMER_NAME, topicLike(), Importance.HIGH,
                    "Kafka Streams application id: consumer group, prefix of internal topics. Every instance of one "
                            + "deployment uses the same id.")
            .define(REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, OrderStreamConfig::requireHttpUrl,
                    Importance.HIGH, "Schema registry API used by the Avro serdes, e.g. "
                            + "http://registry:8080/apis/registry/v2.")
            .define(REGISTRY_AUTO_REGISTER, Type.BOOLEAN, false, Importance.LOW,
                    "Whether the OrderEscalated schema may be registered by the app (tests); off in production.")
            .define(TOPIC_ORDERS, Type.STRING, OrderTopics.ORDERS, topicLike(), Importance.MEDIUM,
                    "Input: OrderPlaced.")
            .define(TOPIC_INVENTORY, Type.STRING, OrderTopics.INVENTORY, topicLike(), Importance.MEDIUM,
                    "Input: Inventory* events.")
            .define(TOPIC_PAYMENT, Type.STRING, OrderTopics.PAYMENT, topicLike(), Importance.MEDIUM,
                    "Input: Payment* events and the payment consumer's OrderEscalated.")
            .define(TOPIC_SHIPPING, Type.STRING, OrderTopics.SHIPPING, topicLike(), Importance.MEDIUM,
                    "Input: Shipment* and FulfillmentProgressed events.")
            .define(TOPIC_COMMANDS, Type.STRING, OrderTopics.COMMANDS, topicLike(), Importance.MEDIUM,
                    "Input: operator commands.")
            .define(TOPIC_STATE, Type.STRING, OrderTopics.STATE, topicLike(), Importance.MEDIUM,
                    "Output: compacted topic of order views (JSON), key = order id.")
            .define(TOPIC_EXCEPTIONS, Type.STRING, OrderTopics.EXCEPTIONS, topicLike(), Importance.MEDIUM,
                    "Output: OrderEscalated events (Avro) of stuck orders.")
            .define(TOPIC_DLQ, Type.STRING, OrderTopics.deadLetter(CONSUMER_NAME), topicLike(), Importance.MEDIUM,
                    "Dead-letter topic of records that cannot be decoded or applied.")
            .define(HTTP_PORT, Type.INT, 8084, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "Port of the HTTP API (orders, health, readiness, metrics); 0 picks a free port.")
            .define(APPLICATION_SERVER, Type.STRING, "", OrderStreamConfig::validateHostPort, Importance.MEDIUM,
                    "host:port other instances use to reach this instance's HTTP API for interactive queries; "
                            + "empty = localhost and the bound http.port.")
            .define(STATE_DIR, Type.STRING, "", Importance.MEDIUM,
                    "Directory of the local state stores; empty = Kafka Streams' default.")
            .define(STATE_STORE_TYPE, Type.STRING, STORE_ROCKSDB, ConfigDef.ValidString.in(STORE_ROCKSDB,
                    STORE_IN_MEMORY), Importance.LOW, "Local store kind: rocksdb (persistent) or in_memory "
                    + "(restored from the changelog on every start).")
            .define(STATE_STORE_MEMORY_MB, Type.INT, 64, ConfigDef.Range.between(8, 1_048_576), Importance.LOW,
                    "Off-heap memory (MiB) all RocksDB stores of this instance share: one block cache, with the "
                            + "stores' memtables (up to half of it) counted within it.")
            .define(PUNCTUATION_INTERVAL_MS, Type.LONG, 10_000L, ConfigDef.Range.between(10, 3_600_000),
                    Importance.MEDIUM, "How often (wall-clock) the deadline watch looks for stuck orders.")
            .define(ESCALATION_MAX_PER_PUNCTUATION, Type.INT, 1000, ConfigDef.Range.between(1, 1_000_000),
                    Importance.LOW, "Most orders one punctuation escalates; the rest wait for the next, so a "
                            + "backlog of stuck orders cannot stall processing.")
            .define(TIMELINE_MAX_ENTRIES, Type.INT, ViewLimits.DEFAULT.maxTimelineEntries(),
                    ConfigDef.Range.between(1, 10_000), Importance.LOW, "Transitions kept per order (newest).")
            .define(DEDUPE_MAX_EVENT_IDS, Type.INT, ViewLimits.DEFAULT.maxSeenEventIds(),
                    ConfigDef.Range.between(1, 100_000), Importance.LOW,
                    "Event ids remembered per order for deduplication (newest).")
            .define(ANOMALIES_MAX, Type.INT, ViewLimits.DEFAULT.maxAnomalies(), ConfigDef.Range.between(1, 10_000),
                    Importance.LOW, "Anomalies (invalid or out-of-order events) kept per order (newest).")
            .define(HTTP_FORWARD_TIMEOUT_MS, Type.LONG, 5_000L, ConfigDef.Range.between(100, 120_000),
                    Importance.LOW, "Timeout of a query forwarded to the instance that owns the order.")
            .define(INTAKE_JDBC_URL, Type.STRING, "", Importance.MEDIUM, "Database of the order intake API "
                    + "(POST /orders: idempotency keys and the outbox of OrderPlaced); empty turns the intake off.")
            .define(INTAKE_JDBC_USER, Type.STRING, "", Importance.MEDIUM, "User of the intake database.")
            .define(INTAKE_JDBC_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, "Password of the intake database.")
            .define(INTAKE_MAX_IN_FLIGHT, Type.INT, 32, ConfigDef.Range.between(1, 10_000), Importance.LOW,
                    "POST /orders requests handled at once; more are answered 429 with Retry-After.")
            .define(INTAKE_OUTBOX_WRITE, Type.STRING, OutboxMode.TABLE.configName(),
                    ConfigDef.CaseInsensitiveValidString.in(OutboxMode.names().toArray(String[]::new)),
                    Importance.LOW, "How the intake's OrderPlaced enters the database log for the outbox relay: "
                            + "'table' (a row of the outbox table) or 'message' (a transactional logical decoding "
                            + "message; PostgreSQL 14+). The relay reads both.");

    private final EscalationPolicy escalationPolicy;

    public OrderStreamConfig(Map<?, ?> originals) {
        super(DEFINITION, originals, false);
        rejectUnknownKeys(originals);
        this.escalationPolicy = parseEscalationPolicy(originals);
        for (String key : streamsOverrides().keySet()) {
            if (FIXED_STREAMS_KEYS.contains(key)) {
                throw new ConfigException(STREAMS_PREFIX + key, streamsOverrides().get(key),
                        "order-stream sets this Streams key itself (exactly-once, identity, error handling); "
                                + "use the app's own keys");
            }
        }
        // Bad streams.* values fail here, with the key named, not later when Kafka Streams starts.
        StreamsConfig.configDef().parse(streamsProperties(""));
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    /** The intake database, when this instance takes orders over POST /orders. */
    public java.util.Optional<IntakeDatabase> intakeDatabase() {
        String url = getString(INTAKE_JDBC_URL);
        return url.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(new IntakeDatabase(url,
                getString(INTAKE_JDBC_USER), getPassword(INTAKE_JDBC_PASSWORD).value(), getInt(INTAKE_MAX_IN_FLIGHT),
                OutboxMode.parse(getString(INTAKE_OUTBOX_WRITE))));
    }

    /** Where the intake API keeps its idempotency keys and its outbox, and how it writes the outbox. */
    public record IntakeDatabase(String jdbcUrl, String user, String password, int maxInFlight,
                                 OutboxMode outboxMode) {
        @Override
        public String toString() {
            return "IntakeDatabase[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=****, maxInFlight="
                    + maxInFlight + ", outboxMode=" + outboxMode + "]";
        }
    }

    public RegistrySettings registry() {
        return new RegistrySettings(URI.create(getString(REGISTRY_URL)), getBoolean(REGISTRY_AUTO_REGISTER));
    }

    /** The five input topics, in the order orders, inventory, payment, shipping, commands. */
    public List<String> inputTopics() {
        return List.of(getString(TOPIC_ORDERS), getString(TOPIC_INVENTORY), getString(TOPIC_PAYMENT),
                getString(TOPIC_SHIPPING), getString(TOPIC_COMMANDS));
    }

    public String stateTopic() {
        return getString(TOPIC_STATE);
    }

    public String exceptionsTopic() {
        return getString(TOPIC_EXCEPTIONS);
    }

    public String deadLetterTopic() {
        return getString(TOPIC_DLQ);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    /** The advertised host:port, empty when it should be derived from the bound HTTP port. */
    public String applicationServer() {
        return getString(APPLICATION_SERVER);
    }

    public String stateDir() {
        return getString(STATE_DIR);
    }

    public boolean inMemoryStores() {
        return STORE_IN_MEMORY.equals(getString(STATE_STORE_TYPE));
    }

    /** What the instance's RocksDB stores may use together off the heap ({@code state.store.memory.mb}). */
    public long stateStoreMemoryBytes() {
        return getInt(STATE_STORE_MEMORY_MB) * 1024L * 1024L;
    }

    public Duration punctuationInterval() {
        return Duration.ofMillis(getLong(PUNCTUATION_INTERVAL_MS));
    }

    public int maxEscalationsPerPunctuation() {
        return getInt(ESCALATION_MAX_PER_PUNCTUATION);
    }

    public Duration forwardTimeout() {
        return Duration.ofMillis(getLong(HTTP_FORWARD_TIMEOUT_MS));
    }

    public EscalationPolicy escalationPolicy() {
        return escalationPolicy;
    }

    public ViewLimits viewLimits() {
        return new ViewLimits(getInt(TIMELINE_MAX_ENTRIES), getInt(DEDUPE_MAX_EVENT_IDS), getInt(ANOMALIES_MAX));
    }

    /** {@code streams.*} keys without the prefix. */
    public Map<String, Object> streamsOverrides() {
        return originalsWithPrefix(STREAMS_PREFIX);
    }

    /** Kafka Streams' commit interval unless {@code streams.commit.interval.ms} says otherwise. */
    static final long DEFAULT_COMMIT_INTERVAL_MS = 1_000;

    /**
     * The Kafka Streams properties: {@code streams.*} first, then the keys the app's guarantees rest on
     * (exactly-once v2, the dead-lettering handlers and their topic, identity, interactive-query endpoint).
     *
     * @param advertisedServer host:port of this instance's HTTP API, for interactive queries
     */
    public Properties streamsProperties(String advertisedServer) {
        Properties props = new Properties();
        // One in-flight batch per partition: with transactions v2 on Kafka 4.3.1 a produce answered
        // CONCURRENT_TRANSACTIONS right after a commit was seen to leave later batches of the same partition in an
        // OUT_OF_ORDER_SEQUENCE_NUMBER loop that stalled the task. Overridable through streams.producer.*.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), "1");
        // A transaction a second, not exactly-once's default ten: each commit writes markers to every partition the
        // task touched (three changelogs, the state and exceptions topics, offsets), which cost a fifth of the
        // broker's CPU under load. The order API reads the stores, which are current whatever this is; only readers
        // of the state and exceptions topics see results up to a second later. Overridable (streams.*).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(DEFAULT_COMMIT_INTERVAL_MS));
        if (!inMemoryStores()) {
            // Every store on the instance's shared RocksDbMemory (state.store.memory.mb); overridable (streams.*).
            props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
        }
        streamsOverrides().forEach(props::put);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringDeserializationHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringProcessingHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, FailingProductionHandler.class.getName());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic());
        props.put(DeadLetteringDeserializationHandler.CONSUMER_CONFIG, applicationId());
        if (!stateDir().isEmpty()) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
        }
        if (advertisedServer != null && !advertisedServer.isEmpty()) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertisedServer);
        }
        return props;
    }

    /** The effective configuration for the start-up log; credentials in URLs are masked. */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        for (String key : DEFINITION.names()) {
            Object value = values().get(key);
            described.put(key, value == null ? "" : maskUserInfo(value.toString()));
        }
        for (OrderState state : OrderState.values()) {
            escalationPolicy.deadlineOf(state).ifPresent(d -> described.put(ESCALATION_DEADLINE_PREFIX + state,
                    d.toString()));
        }
        streamsOverrides().forEach((k, v) -> described.put(STREAMS_PREFIX + k,
                k.contains("password") || k.contains("jaas") ? "********" : String.valueOf(v)));
        return described;
    }

    /** {@code http://user:secret@host} → {@code http://****@host}. */
    static String maskUserInfo(String value) {
        return value.replaceAll("(?<=://)[^/@\\s]+@", "****@");
    }

    private static EscalationPolicy parseEscalationPolicy(Map<?, ?> originals) {
        Map<OrderState, Duration> deadlines = new EnumMap<>(EscalationPolicy.defaultDeadlines());
        for (Map.Entry<?, ?> e : originals.entrySet()) {
            String key = e.getKey().toString();
            if (!key.startsWith(ESCALATION_DEADLINE_PREFIX)) {
                continue;
            }
            OrderState state = stateOf(key, e.getValue());
            String value = String.valueOf(e.getValue()).trim();
            if (OFF.equalsIgnoreCase(value)) {
                deadlines.remove(state);
            } else {
                deadlines.put(state, durationOf(key, value));
            }
        }
        return EscalationPolicy.of(deadlines);
    }

    private static OrderState stateOf(String key, Object value) {
        String name = key.substring(ESCALATION_DEADLINE_PREFIX.length()).toUpperCase(Locale.ROOT);
        try {
            OrderState state = OrderState.valueOf(name);
            if (state.terminal() || state == OrderState.ESCALATED) {
                throw new ConfigException(key, value, state + " cannot have a deadline (terminal, or already "
                        + "escalated)");
            }
            return state;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, value, "'" + name + "' is not an order state; one of "
                    + List.of(OrderState.values()));
        }
    }

    private static Duration durationOf(String key, String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException(key, value, "must be positive (or 'off')");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ConfigException(key, value, "expected an ISO-8601 duration such as PT15M or PT48H, or 'off'");
        }
    }

    private static void rejectUnknownKeys(Map<?, ?> originals) {
        List<String> unknown = new ArrayList<>();
        for (Object k : originals.keySet()) {
            String key = k.toString();
            if (!DEFINITION.names().contains(key) && !key.startsWith(STREAMS_PREFIX)
                    && !key.startsWith(ESCALATION_DEADLINE_PREFIX)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String key = unknown.get(0);
            throw new ConfigException(key, originals.get(key), "unknown key (a typo?); known keys: "
                    + String.join(", ", DEFINITION.names()) + ", " + ESCALATION_DEADLINE_PREFIX + "<STATE>, "
                    + STREAMS_PREFIX + "*");
        }
    }

    private static void requireNonEmptyList(String name, Object value) {
        if (value == null || ((List<?>) value).isEmpty()) {
            throw new ConfigException(name, value, "name at least one broker, e.g. localhost:9092");
        }
    }

    private static void requireHttpUrl(String name, Object value) {
        String url = value == null ? "" : value.toString();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigException(name, value, "expected an http(s) URL");
        }
        try {
            URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, "not a URL: " + e.getMessage());
        }
    }

    private static ConfigDef.Validator topicLike() {
        return (name, value) -> {
            if (value == null || !value.toString().matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new ConfigException(name, value, "use letters, digits, '.', '_' and '-' (at most 249)");
            }
        };
    }

    private static void validateHostPort(String name, Object value) {
        String text = value == null ? "" : value.toString();
        if (text.isEmpty()) {
            return;
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ConfigException(name, value, "expected host:port");
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new ConfigException(name, value, "port must be 1..65535");
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(name, value, "expected host:port with a numeric port");
        }
    }
}
