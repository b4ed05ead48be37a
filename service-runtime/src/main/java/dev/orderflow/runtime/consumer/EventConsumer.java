package dev.orderflow.runtime.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.runtime.deadletter.DeadLetterWriter;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.deferred.DeferredActionStore;
import dev.orderflow.runtime.failure.FailureClassifier;
import dev.orderflow.runtime.outbox.OutboxWriter;
import dev.orderflow.runtime.policy.FullJitterBackoff;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.runtime.state.StageStateStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one consumer loop every stage service runs ({@link ConsumerLoops} runs several per instance): poll → (with the
 * deferred work that came due) handle the batch ({@link BatchProcessor}) → commit offsets. Offsets are committed
 * only after the batch's database transaction and its dead letters were acknowledged, so a crash at any point
 * re-delivers, and the dedupe makes re-delivery harmless.
 *
 * <p>The loop thread owns the Kafka consumer; a batch is finished before the next poll, so a rebalance (which runs
 * inside poll) never finds work in flight. A batch that cannot be committed (database or broker trouble) is handled
 * again from its first offsets after a backoff; the loop itself never dies of it. {@link #close()} finishes the
 * batch in flight, commits, leaves the group and closes.
 */
public final class EventConsumer<S> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
    static final int DEFAULT_FETCH_MIN_BYTES = 64 * 1024;
    static final int DEFAULT_FETCH_MAX_WAIT_MS = 100;
    /** How long close() lets the batch in flight finish before interrupting it. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    /** How long the Kafka clients may take to leave the group and flush on close. */
    private static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerSettings settings;
    private final KafkaConsumer<byte[], byte[]> kafka;
    private final KafkaProducer<byte[], byte[]> deadLetterProducer;
    private final ExecutorService workers;
    private final BatchProcessor<S> processor;
    private final DeferredActionStore deferred;
    private final DataSource dataSource;
    private final Clock clock;
    private final ConsumerMetrics metrics;
    private final FullJitterBackoff batchBackoff;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger primaryPartitions = new AtomicInteger();
    private final Thread loop;
    private volatile Set<TopicPartition> assignment = Set.of();

    private EventConsumer(ConsumerSettings settings, int loopNumber, StageHandler<S> handler, DataSource dataSource,
            MeterRegistry meters, Clock clock, ObjectMapper json) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.clock = clock;
        this.metrics = new ConsumerMetrics(meters, settings.name());
        this.kafka = new KafkaConsumer<>(consumerConfig(settings, loopNumber), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.deadLetterProducer = new KafkaProducer<>(settings.producerConfig("dead-letters-" + loopNumber),
                new ByteArraySerializer(), new ByteArraySerializer());
        AtomicInteger threadNo = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.getInt(ConsumerSettings.WORKER_THREADS), r -> {
            Thread t = new Thread(r, settings.name() + "-" + loopNumber + "-worker-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RegistrySettings registry = RegistrySettings.of(settings.getString(ConsumerSettings.REGISTRY_URL));
        Deserializer<Object> values = EventSerdes.anyValueDeserializer(registry);
        this.deferred = new DeferredActionStore(settings.name());
        this.processor = new BatchProcessor<>(new ConsumerParts<>(settings.name(), handler, new RecordDecoder(values),
                dataSource, workers, clock,
                new ParkingPolicy(settings.durations(ConsumerSettings.PARKING_SCHEDULE),
                        settings.duration(ConsumerSettings.PARKING_DEADLINE)),
                this::partitionOf,
                new StageStateStore<>(settings.name(), handler.stateType(), json), deferred,
                new OutboxEventFactory(EventSerdes.valueSerializer(registry)),
                OutboxWriter.of(settings.outboxMode(), clock),
                new DeadLetterWriter(deadLetterProducer, settings.deadLetterTopic(), clock,
                        settings.duration(ConsumerSettings.DEAD_LETTER_ACK_TIMEOUT)),
                metrics));
        this.batchBackoff = new FullJitterBackoff(settings.duration(ConsumerSettings.BATCH_RETRY_BACKOFF_INITIAL),
                settings.duration(ConsumerSettings.BATCH_RETRY_BACKOFF_MAX),
                () -> ThreadLocalRandom.current().nextDouble());
        this.loop = new Thread(this::run, settings.name() + "-loop-" + loopNumber);
    }

    /**
     * Starts one loop on its own thread, whatever {@link ConsumerSettings#LOOP_THREADS} says ({@link ConsumerLoops}
     * starts that many). The database must have the runtime's migrations applied
     * ({@link dev.orderflow.runtime.jdbc.DatabaseMigrations}).
     */
    public static <S> EventConsumer<S> start(ConsumerSettings settings, StageHandler<S> handler,
            DataSource dataSource, MeterRegistry meters, Clock clock, ObjectMapper json) {
        return start(settings, 1, handler, dataSource, meters, clock, json);
    }

    /** Starts loop number {@code loopNumber} of a service: its thread and Kafka clients carry the number. */
    static <S> EventConsumer<S> start(ConsumerSettings settings, int loopNumber, StageHandler<S> handler,
            DataSource dataSource, MeterRegistry meters, Clock clock, ObjectMapper json) {
        EventConsumer<S> consumer = new EventConsumer<>(settings, loopNumber, handler, dataSource, meters, clock,
                json);
        consumer.loop.start();
        return consumer;
    }

    public String name() {
        return settings.name();
    }

    /** Partitions currently assigned to this instance. */
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    /** Deferred actions (timers and parked events) this consumer has pending, on all partitions. */
    public long pendingDeferredActions() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return deferred.pendingCount(c);
        }
    }

    private void run() {
        List<String> topics = new ArrayList<>(settings.inputTopics());
        topics.add(settings.replayTopic());
        Duration pollTimeout = settings.duration(ConsumerSettings.POLL_TIMEOUT);
        Duration deferredInterval = settings.duration(ConsumerSettings.DEFERRED_CHECK_INTERVAL);
        int failures = 0;
        Instant nextDeferredCheck = Instant.MIN;
        try {
            kafka.subscribe(topics, new Rebalance());
            while (stopRequested.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> records = kafka.poll(pollTimeout);
                List<DeferredAction> due = List.of();
                Instant now = clock.instant();
                if (!now.isBefore(nextDeferredCheck) && stopRequested.getCount() > 0) {
                    due = dueActions(now);
                    nextDeferredCheck = now.plus(deferredInterval);
                }
                if (records.isEmpty() && due.isEmpty()) {
                    continue;
                }
                try {
                    processor.process(sources(records), due);
                    kafka.commitSync(nextOffsets(records));
                    failures = 0;
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException | SQLException e) {
                    failures++;
                    metrics.batchRetry();
                    long pause = batchBackoff.boundMillis(failures);
                    LOG.warn("{}: batch of {} records and {} deferred actions failed ({}), handling it again in"
                            + " up to {} ms: {}", settings.name(), records.count(), due.size(),
                            FailureClassifier.classify(e), pause, e.toString());
                    rewind(records);
                    if (stopRequested.await(batchBackoff.waitMillis(failures), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop while polling.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("{}: consumer loop stopped by an unexpected failure", settings.name(), e);
        } finally {
            closeClients();
            stopped.countDown();
        }
    }

    private List<DeferredAction> dueActions(Instant now) {
        Set<Integer> owned = assignment.stream().filter(tp -> tp.topic().equals(settings.inputTopics().get(0)))
                .map(TopicPartition::partition).collect(Collectors.toSet());
        if (owned.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            return deferred.due(c, owned, now, settings.getInt(ConsumerSettings.DEFERRED_BATCH_SIZE));
        } catch (SQLException e) {
            LOG.warn("{}: cannot read due deferred actions: {}", settings.name(), e.toString());
            return List.of();
        }
    }

    /** The partition of the first input topic an order's events land on (the producers' default partitioner). */
    int partitionOf(String orderId) {
        int partitions = primaryPartitions.get();
        if (partitions == 0) {
            partitions = kafka.partitionsFor(settings.inputTopics().get(0)).size();
            primaryPartitions.set(partitions);
        }
        return Utils.toPositive(Utils.murmur2(orderId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static List<RecordSource> sources(ConsumerRecords<byte[], byte[]> records) {
        List<RecordSource> sources = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            sources.add(RecordSource.of(record));
        }
        return sources;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> part = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Goes back to the first record of a failed batch on each partition, so the batch is handled again. */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            if (kafka.assignment().contains(tp)) {
                kafka.seek(tp, records.records(tp).get(0).offset());
            }
        }
    }

    /** Asks the loop to stop after the batch in flight, without waiting for it ({@link #close()} waits). */
    void requestStop() {
        if (stopRequested.getCount() > 0) {
            stopRequested.countDown();
            kafka.wakeup();
        }
    }

    @Override
    public void close() {
        requestStop();
        try {
            if (Thread.currentThread() != loop && loop.isAlive()) {
                loop.join(CLOSE_GRACE.toMillis());
                if (loop.isAlive()) {
                    // Stuck waiting on a database or broker that is gone (a shutdown of everything at once):
                    // interrupt the wait; the batch in flight is not committed and will be handled again.
                    LOG.warn("{}: still busy {} s after close; interrupting it", settings.name(),
                            CLOSE_GRACE.toSeconds());
                    loop.interrupt();
                    loop.join(CLOSE_GRACE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeClients() {
        try {
            kafka.close(CloseOptions.timeout(CLIENT_CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.warn("{}: closing the consumer: {}", settings.name(), e.toString());
        }
        deadLetterProducer.close(CLIENT_CLOSE_TIMEOUT);
        workers.shutdown();
    }

    static Map<String, Object> consumerConfig(ConsumerSettings settings, int loopNumber) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getInt(ConsumerSettings.MAX_POLL_RECORDS));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Let the broker gather a batch for up to 100 ms (or 64 KiB) rather than answer each fetch with whatever one
        // producer batch brought: every batch costs two transactions and an offset commit, whatever its size. At
        // 100 orders/s on the embedded platform this halved the end-to-end p99 (2.1 s to 1.0 s) for the same CPU.
        // Overridable (kafka.consumer.fetch.min.bytes, kafka.consumer.fetch.max.wait.ms).
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, DEFAULT_FETCH_MIN_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, DEFAULT_FETCH_MAX_WAIT_MS);
        config.putAll(settings.clientOverrides(ConsumerSettings.KAFKA_CONSUMER_PREFIX));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getList(ConsumerSettings.BOOTSTRAP_SERVERS));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.name());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.name() + "-consumer-" + loopNumber);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Events reach us through the outbox relay's idempotent producer, without transactions; read_committed
        // still keeps a transactional upstream producer's aborted records out.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    /** Keeps the assignment visible to the deferred-work query; nothing is in flight while poll() rebalances. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            assignment = kafka.assignment().stream().filter(tp -> !partitions.contains(tp))
                    .collect(Collectors.toUnmodifiableSet());
            LOG.info("{}: partitions revoked: {}", settings.name(), partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignment = Set.copyOf(kafka.assignment());
            LOG.info("{}: partitions assigned: {}", settings.name(), partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            assignment = kafka.assignment().stream().filter(tp -> !partitions.contains(tp))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
