package dev.orderflow.bench.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.FulfillmentProgressed;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.launcher.PlatformServices;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.sandbox.client.CallCounts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full system, wired as the local platform wires it (outbox relay, three stage services, order-stream with the
 * order API, provider sandbox): orders go onto the orders topic as an upstream producer would put them; progress
 * is read from the order topics, timed by each event's own timestamp (the outbox row's creation time, which the
 * relay keeps as the record timestamp).
 */
public final class SystemPipeline implements Pipeline {

    private static final Logger log = LoggerFactory.getLogger(SystemPipeline.class);
    /** Topics the relay publishes (the stage services' events). */
    private static final Set<String> RELAYED = Set.of(OrderTopics.INVENTORY, OrderTopics.PAYMENT, OrderTopics.SHIPPING);
    /** Retry budget off: as many retries as the policy's quick-retry count allows, whatever the call rate. */
    static final Map<String, String> NO_RETRY_BUDGET = noRetryBudget();

    private final FaultSetting faults;
    private final boolean retryBudget;
    private final OutboxMode outbox;
    private final Map<String, String> serviceOverrides;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<AutoCloseable> running = new ArrayList<>();
    private PlatformServices services;
    private KafkaProducer<byte[], byte[]> producer;
    private Serializer<SpecificRecord> avro;
    private Thread watcher;
    private KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param retryBudget      false to lift the stage services' retry budget (the overload comparison)
     * @param outbox           how the platform's parts write their outbox
     * @param serviceOverrides stage-service settings on top of the platform's (a key a service does not define
     *                         stops start-up naming it)
     */
    public SystemPipeline(FaultSetting faults, boolean retryBudget, OutboxMode outbox,
                          Map<String, String> serviceOverrides) {
        this.faults = faults;
        this.retryBudget = retryBudget;
        this.outbox = outbox;
        this.serviceOverrides = Map.copyOf(serviceOverrides);
    }

    @Override
    public String name() {
        return "system";
    }

    @Override
    public void start(Infrastructure infrastructure, ProgressListener listener) throws Exception {
        List<String> names = new ArrayList<>();
        names.add(PlatformServices.ORDERS_DATABASE);
        names.addAll(PlatformServices.databasesNeeded());
        Map<String, ConnectionInfo> databases = infrastructure.createDatabases(names);
        services = PlatformServices.start(infrastructure.bootstrapServers(), infrastructure.registryApiUrl(),
                databases, "none", outbox, overrides(), new SimpleMeterRegistry());
        running.add(services);
        HttpResponse<String> installed = http.send(HttpRequest.newBuilder(services.sandboxUri().resolve("/admin/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(faults.requestBody()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (installed.statusCode() != 200) {
            throw new IllegalArgumentException("the sandbox refused the fault settings " + faults.name() + ": "
                    + installed.body());
        }
        RegistrySettings registry = RegistrySettings.of(infrastructure.registryApiUrl());
        avro = EventSerdes.valueSerializer(registry);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "benchmark-load-generator"),
                new ByteArraySerializer(), new ByteArraySerializer());
        running.add(0, producer);
        startWatcher(infrastructure.bootstrapServers(), EventSerdes.valueDeserializer(registry), listener);
    }

    @Override
    public void place(OrderPlaced order) {
        String orderId = order.getMetadata().getOrderId();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(OrderTopics.ORDERS,
                orderId.getBytes(StandardCharsets.UTF_8), avro.serialize(OrderTopics.ORDERS, order));
        record.headers().add("eventType", OrderPlaced.class.getName().getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    @Override
    public PipelineFindings findings() throws IOException, InterruptedException {
        producer.flush();
        CallCounts calls = CallCounts.fromJson(get(services.sandboxUri().resolve("/admin/calls")));
        InvariantAudit audit = InvariantAudit.fromJson(get(services.sandboxUri().resolve("/ledger/invariants")));
        return new PipelineFindings(calls, audit);
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        return json.readTree(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private void startWatcher(String bootstrapServers, Deserializer<SpecificRecord> events,
                              ProgressListener listener) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-watcher-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        watcher = new Thread(() -> watch(events, listener), "benchmark-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch(Deserializer<SpecificRecord> events, ProgressListener listener) {
        try {
            consumer.subscribe(List.of(OrderTopics.INVENTORY, OrderTopics.PAYMENT, OrderTopics.SHIPPING,
                    OrderTopics.EXCEPTIONS));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    fold(record, events, listener, System.currentTimeMillis());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the benchmark's watcher stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    private static void fold(ConsumerRecord<byte[], byte[]> record, Deserializer<SpecificRecord> events,
                             ProgressListener listener, long seenAt) {
        if (RELAYED.contains(record.topic())) {
            listener.relayed(record.timestamp());
        }
        SpecificRecord event;
        try {
            event = events.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return;    // not an event of the platform
        }
        if (event == null || !(event.get(0) instanceof EventMetadata metadata)) {
            return;
        }
        OrderStage stage = stageOf(event);
        if (stage != null) {
            listener.reached(metadata.getOrderId(), stage, record.timestamp(), seenAt);
        }
    }

    /** The stage an event moves its order to; null for events that do not move it (InventoryCommitted ...). */
    static OrderStage stageOf(SpecificRecord event) {
        if (event instanceof FulfillmentProgressed progressed) {
            return switch (progressed.getStage()) {
                case DELIVERED -> OrderStage.DELIVERED;
                case EXCEPTION -> OrderStage.FULFILLMENT_EXCEPTION;
                default -> OrderStage.FULFILLING;
            };
        }
        return switch (event.getClass().getSimpleName()) {
            case "InventoryReserved" -> OrderStage.RESERVED;
            case "InventoryPending" -> OrderStage.INVENTORY_PENDING;
            case "InventoryRejected" -> OrderStage.REJECTED;
            case "PaymentAuthorized" -> OrderStage.AUTHORIZED;
            case "PaymentPending" -> OrderStage.PAYMENT_PENDING;
            case "PaymentDeclined", "PaymentVoided", "InventoryReleased" -> OrderStage.CANCELLED;
            case "ShipmentAccepted" -> OrderStage.SHIPMENT_ACCEPTED;
            case "ShipmentPending" -> OrderStage.SHIPMENT_PENDING;
            case "ShipmentRejected" -> OrderStage.BLOCKED;
            case "OrderEscalated" -> OrderStage.ESCALATED;
            default -> null;
        };
    }

    private Map<String, String> overrides() {
        Map<String, String> settings = new HashMap<>(retryBudget ? Map.of() : NO_RETRY_BUDGET);
        settings.putAll(serviceOverrides);
        return settings;
    }

    private static Map<String, String> noRetryBudget() {
        Map<String, String> settings = new HashMap<>();
        for (String stage : List.of("inventory", "payment", "shipping")) {
            settings.put("policy." + stage + ".retry.budget.ratio", "10");
            settings.put("policy." + stage + ".retry.budget.min.per.second", "10000");
        }
        return Map.copyOf(settings);
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.wakeup();
            try {
                watcher.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (AutoCloseable part : running) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly: {}", part, e.getMessage());
            }
        }
        running.clear();
    }
}
