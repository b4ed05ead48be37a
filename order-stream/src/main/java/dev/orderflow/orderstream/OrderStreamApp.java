package dev.orderflow.orderstream;

import com.sun.net.httpserver.HttpHandler;
import dev.orderflow.orderstream.api.KafkaStreamsDirectory;
import dev.orderflow.orderstream.api.OrderApiServer;
import dev.orderflow.orderstream.api.PeerClient;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.orderstream.topology.BoundedRocksDbConfig;
import dev.orderflow.orderstream.topology.OrderStreamTopology;
import dev.orderflow.orderstream.topology.RocksDbMemory;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running order-stream instance: the HTTP API bound first (so the advertised interactive-query endpoint has
 * its real port), then Kafka Streams. {@link #close()} stops both; it is safe to call more than once.
 */
public final class OrderStreamApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderStreamApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final Optional<RocksDbMemory> storeMemory;
    private final OrderApiServer api;
    private final KafkaStreamsMetrics metrics;
    private final String advertised;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean failed;

    private OrderStreamApp(KafkaStreams streams, Optional<RocksDbMemory> storeMemory, OrderApiServer api,
                           KafkaStreamsMetrics metrics, String advertised) {
        this.streams = streams;
        this.storeMemory = storeMemory;
        this.api = api;
        this.metrics = metrics;
        this.advertised = advertised;
    }

    /**
     * Starts an instance.
     *
     * @param eventSerde the Avro serde of the input and exceptions topics (the registry serde in production)
     * @param intake     the {@code POST /orders} handler, if this deployment takes orders
     */
    public static OrderStreamApp start(OrderStreamConfig config, Serde<SpecificRecord> eventSerde,
                                       Optional<HttpHandler> intake, PrometheusMeterRegistry registry) {
        OrderApiServer api;
        try {
            api = OrderApiServer.bind(config.httpPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on http.port " + config.httpPort() + ": " + e.getMessage(), e);
        }
        String advertised = config.applicationServer().isEmpty() ? "localhost:" + api.port()
                : config.applicationServer();
        Properties properties = config.streamsProperties(advertised);
        Optional<RocksDbMemory> storeMemory = config.inMemoryStores() ? Optional.empty()
                : Optional.of(RocksDbMemory.ofBytes(config.stateStoreMemoryBytes()));
        storeMemory.ifPresent(memory -> properties.put(BoundedRocksDbConfig.MEMORY_CONFIG, memory));
        KafkaStreams streams;
        try {
            streams = new KafkaStreams(OrderStreamTopology.build(config, eventSerde), properties);
        } catch (RuntimeException e) {
            api.close();
            storeMemory.ifPresent(RocksDbMemory::close);
            throw e;
        }
        // A thread that died on an unexpected error is replaced and resumes from the last commit (exactly-once).
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        OrderStreamApp app = new OrderStreamApp(streams, storeMemory, api, metrics, advertised);
        streams.setStateListener(app::onStateChange);
        api.start(new KafkaStreamsDirectory(streams, HostInfo.buildFromEndpoint(advertised)),
                new PeerClient(config.forwardTimeout()), intake, registry::scrape);
        streams.start();
        return app;
    }

    private void onStateChange(KafkaStreams.State now, KafkaStreams.State before) {
        log.info("order-stream {} -> {}", before, now);
        if (now == KafkaStreams.State.ERROR) {
            failed = true;
            // Not on the stream thread that reported the state: close() waits for the stream threads.
            Thread stopper = new Thread(this::close, "order-stream-failed");
            stopper.start();
        }
    }

    /** Whether the instance stopped because Kafka Streams failed (not because it was asked to). */
    public boolean failed() {
        return failed;
    }

    public int httpPort() {
        return api.port();
    }

    /** host:port this instance advertises to its peers. */
    public String advertisedServer() {
        return advertised;
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    /** Blocks until {@link #close()} ran. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        api.close();
        // leaveGroup: the partitions move to the other instances at once, not after the session timeout.
        streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        // After Streams: its stores used the shared cache and write buffer manager until they closed.
        storeMemory.ifPresent(RocksDbMemory::close);
        metrics.close();
        closed.countDown();
    }
}
