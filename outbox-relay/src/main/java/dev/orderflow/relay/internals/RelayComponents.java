package dev.orderflow.relay.internals;

import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.relay.config.SourceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the sources share: one producer, the engine threads and the slot-lag probe schedule. */
public final class RelayComponents implements AutoCloseable {

    private final RelayConfig config;
    private final MeterRegistry registry;
    private final Producer<byte[], byte[]> producer;
    private final ExecutorService engines;
    private final ScheduledExecutorService probes;

    private RelayComponents(RelayConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.producer = new KafkaProducer<>(producerConfig(config), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.engines = Executors.newCachedThreadPool(daemonThreads("outbox-relay-engine"));
        this.probes = Executors.newSingleThreadScheduledExecutor(daemonThreads("outbox-relay-slot-lag"));
    }

    public static RelayComponents create(RelayConfig config, MeterRegistry registry) {
        return new RelayComponents(config, registry);
    }

    /**
     * The relay's producer settings; acks=all and idempotence always win (RelayConfig refuses weaker ones). A
     * delivery timeout of ten minutes rides out a broker restart without re-sending; the publisher re-sends after.
     */
    static Map<String, Object> producerConfig(RelayConfig config) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(10).toMillis());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "orderflow-outbox-relay");
        p.putAll(config.producerOverrides());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }

    public SourceRelay sourceRelay(SourceConfig source, Clock clock, Consumer<SourceRelay> onFailure) {
        return new SourceRelay(config, source, producer, new RelayMetrics(registry, source.name()), clock, onFailure);
    }

    public void start(SourceRelay relay) {
        relay.startOn(engines);
        long every = config.slotLagInterval().toMillis();
        probes.scheduleWithFixedDelay(new SlotLagProbe(relay.source(), relay.metrics()), 0, every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        probes.shutdownNow();
        engines.shutdown();
        try {
            if (!engines.awaitTermination(30, TimeUnit.SECONDS)) {
                engines.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            producer.close(Duration.ofSeconds(30));
        } catch (org.apache.kafka.common.KafkaException e) {
            // Interrupted (InterruptException) or failed: nothing left to wait for; the caller must still finish.
            org.slf4j.LoggerFactory.getLogger(RelayComponents.class).warn("producer did not close cleanly: {}",
                    e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
