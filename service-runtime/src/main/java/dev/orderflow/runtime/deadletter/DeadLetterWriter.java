package dev.orderflow.runtime.deadletter;

import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes dead letters and waits until the broker acknowledged every one: the caller commits the original offsets
 * only after {@link #writeAll} returned, so a dead letter is never lost between the two.
 */
public final class DeadLetterWriter {

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Clock clock;
    private final Duration ackTimeout;

    public DeadLetterWriter(Producer<byte[], byte[]> producer, String topic, Clock clock, Duration ackTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    public String topic() {
        return topic;
    }

    public void writeAll(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            acks.add(producer.send(letter.toRecord(topic, clock.instant())));
        }
        producer.flush();
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new ClassifiedException(FailureCategory.TRANSIENT, "dead letters to " + topic
                    + " were not acknowledged: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClassifiedException(FailureCategory.TRANSIENT, "interrupted while writing dead letters", e);
        }
    }
}
