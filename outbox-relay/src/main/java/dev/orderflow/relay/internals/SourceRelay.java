package dev.orderflow.relay.internals;

import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.relay.config.SourceConfig;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.embedded.Connect;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One source database's engine and publisher, with its state for the health check. */
public final class SourceRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceRelay.class);
    private static final Duration ENGINE_CLOSE_TIMEOUT = Duration.ofSeconds(20);

    /** Where a source's relay is in its life; {@code FAILED} carries why. */
    public enum State { STARTING, STREAMING, STOPPED, FAILED }

    private final SourceConfig source;
    private final KafkaPublisher publisher;
    private final RelayMetrics metrics;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile State state = State.STARTING;
    private volatile String failure;

    SourceRelay(RelayConfig relay, SourceConfig source, Producer<byte[], byte[]> producer, RelayMetrics metrics,
                Clock clock, Consumer<SourceRelay> onFailure) {
        this.source = source;
        this.metrics = metrics;
        this.publisher = new KafkaPublisher(source.name(), producer, new OutboxRecordMapper(relay::topicFor), metrics,
                relay.publishRetryBackoff(), clock);
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(EngineProperties.of(relay, source))
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void pollingStarted() {
                        state = State.STREAMING;
                        log.info("{}: streaming the outbox", source);
                    }
                })
                .using((boolean success, String message, Throwable error) -> {
                    if (success || state == State.STOPPED) {
                        state = State.STOPPED;
                        return;
                    }
                    failure = message + (error == null ? "" : ": " + rootMessage(error));
                    state = State.FAILED;
                    log.error("{}: the relay stopped: {}", source, failure, error);
                    onFailure.accept(this);
                })
                .notifying(publisher)
                .build();
    }

    void startOn(ExecutorService executor) {
        executor.execute(engine);
    }

    public SourceConfig source() {
        return source;
    }

    public State state() {
        return state;
    }

    /** Why the engine stopped, when {@link #state()} is {@code FAILED}. */
    public String failure() {
        return failure;
    }

    public RelayMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (state != State.FAILED) {
            state = State.STOPPED;
        }
        publisher.stop();
        // Debezium closes its offset-store producer without a timeout, and Connect gives that producer an unbounded
        // delivery timeout: with the broker down, engine.close() would never return. Close on a helper thread and
        // give up waiting after a while; nothing is lost, the stored position is simply older.
        Thread closer = new Thread(this::closeEngine, "outbox-relay-close-" + source.name());
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(ENGINE_CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            log.warn("{}: engine did not close within {} s (broker unreachable?); leaving it behind", source,
                    ENGINE_CLOSE_TIMEOUT.toSeconds());
        }
    }

    private void closeEngine() {
        try {
            engine.close();
        } catch (IOException | RuntimeException e) {
            log.warn("{}: engine did not close cleanly: {}", source, e.toString());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + " (cause: " + root + ")";
    }
}
