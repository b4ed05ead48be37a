package dev.orderflow.relay.internals;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one source's batches to Kafka and tells Debezium a batch is done only after Kafka acknowledged every
 * record of it (acks=all, idempotent producer), so the stored position never passes an unpublished event.
 *
 * <p>When Kafka does not acknowledge (broker down longer than the producer's delivery timeout), the records not
 * yet acknowledged are sent again, in their original order, until they are or the relay stops; nothing is marked
 * processed meanwhile. A re-send may duplicate a record Kafka had in fact written: delivery is at-least-once and
 * consumers dedupe by event id. Batches of one source are handled one after another by the engine, which keeps
 * commit order per order id.
 */
public final class KafkaPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);

    private final String source;
    private final Producer<byte[], byte[]> producer;
    private final OutboxRecordMapper mapper;
    private final RelayMetrics metrics;
    private final Duration retryBackoff;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public KafkaPublisher(String source, Producer<byte[], byte[]> producer, OutboxRecordMapper mapper,
                          RelayMetrics metrics, Duration retryBackoff, Clock clock) {
        this.source = source;
        this.producer = producer;
        this.mapper = mapper;
        this.metrics = metrics;
        this.retryBackoff = retryBackoff;
        this.clock = clock;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<ProducerRecord<byte[], byte[]>> outgoing = new ArrayList<>(records.size());
        for (RecordChangeEvent<SourceRecord> change : records) {
            List<ProducerRecord<byte[], byte[]>> mapped = mapper.map(change.record());
            if (mapped.isEmpty()) {
                metrics.skipped();
            }
            outgoing.addAll(mapped);
        }
        publishUntilAcknowledged(outgoing);
        for (RecordChangeEvent<SourceRecord> change : records) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    /** Makes a pending {@link #handleBatch} give up re-sending (its batch stays unacknowledged) when the relay stops. */
    public void stop() {
        stopping.countDown();
    }

    private void publishUntilAcknowledged(List<ProducerRecord<byte[], byte[]>> records) throws InterruptedException {
        List<ProducerRecord<byte[], byte[]>> unacknowledged = records;
        while (!unacknowledged.isEmpty()) {
            unacknowledged = sendAndAwait(unacknowledged);
            if (!unacknowledged.isEmpty()) {
                metrics.resent(unacknowledged.size());
                if (stopping.await(retryBackoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new InterruptedException("relay for " + source + " stopping with " + unacknowledged.size()
                            + " events unacknowledged; they will be published after restart");
                }
            }
        }
    }

    /** Sends every record and returns those Kafka did not acknowledge, in their original order. */
    private List<ProducerRecord<byte[], byte[]>> sendAndAwait(List<ProducerRecord<byte[], byte[]>> records)
            throws InterruptedException {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            acks.add(send(record));
        }
        List<ProducerRecord<byte[], byte[]>> failed = new ArrayList<>();
        Throwable firstFailure = null;
        for (int i = 0; i < records.size(); i++) {
            try {
                acks.get(i).get();
                long now = clock.millis();
                Long created = records.get(i).timestamp();
                metrics.published(created == null ? now : created, now);
            } catch (ExecutionException e) {
                failed.add(records.get(i));
                firstFailure = firstFailure == null ? e.getCause() : firstFailure;
            }
        }
        if (firstFailure != null) {
            log.warn("kafka did not acknowledge {} of {} events from {} ({}); sending them again in {} ms",
                    failed.size(), records.size(), source, firstFailure.toString(), retryBackoff.toMillis());
        }
        return failed;
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                } else {
                    ack.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // send() itself throws when metadata is unavailable past max.block.ms (broker down at start-up).
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
