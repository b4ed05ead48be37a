package dev.orderflow.infra.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates topics and waits until every partition has a leader that answers.
 *
 * <p>Why the wait: an idempotent producer that writes right after {@code createTopics} can lose a batch into an
 * OUT_OF_ORDER_SEQUENCE loop until its delivery timeout (KAFKA-15591). Listing offsets on every partition until it
 * succeeds closes that window.
 */
public final class KafkaTopics {

    private static final long METADATA_RETRY_BACKOFF_MS = 100;

    private KafkaTopics() {
    }

    /** Creates the topics (existing ones are fine) and blocks until all their partitions answer. */
    public static void createAndAwait(Admin admin, Collection<NewTopic> topics, Duration timeout) {
        try {
            admin.createTopics(topics).values().forEach((name, future) -> awaitCreated(name, future, timeout));
            Map<TopicPartition, OffsetSpec> partitions = topics.stream()
                    .flatMap(t -> IntStream.range(0, partitionCount(admin, t, timeout))
                            .mapToObj(p -> new TopicPartition(t.name(), p)))
                    .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
            awaitOffsetsAnswer(admin, partitions, System.nanoTime() + timeout.toNanos());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("topics " + names(topics) + " not ready within " + timeout + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics " + names(topics), e);
        }
    }

    /**
     * A freshly created topic can be unknown to the broker's metadata cache for a moment, and {@code listOffsets}
     * fails fast with {@link UnknownTopicOrPartitionException} instead of retrying; ask again until the deadline.
     */
    private static void awaitOffsetsAnswer(Admin admin, Map<TopicPartition, OffsetSpec> partitions, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        while (true) {
            long remainingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs((int) remainingMs))
                        .all().get(remainingMs, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(METADATA_RETRY_BACKOFF_MS);
            }
        }
    }

    private static void awaitCreated(String name, KafkaFuture<Void> future, Duration timeout) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + name + " not created within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    private static int partitionCount(Admin admin, NewTopic topic, Duration timeout) {
        if (topic.numPartitions() > 0) {
            return topic.numPartitions();
        }
        try {
            return admin.describeTopics(List.of(topic.name())).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic.name()).partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topic " + topic.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topic " + topic.name(), e);
        }
    }

    private static String names(Collection<NewTopic> topics) {
        return topics.stream().map(NewTopic::name).collect(Collectors.joining(", "));
    }
}
