package dev.orderflow.runtime.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;

/**
 * A service instance's consumer loops: {@link ConsumerSettings#LOOP_THREADS} {@link EventConsumer}s, members of the
 * one consumer group, as Kafka Streams runs several stream threads in one instance. Each owns its partitions, so an
 * order (its partition) is handled by one loop at a time and in order; the dedupe, the versioned state rows and the
 * partition-scoped deferred work are what already make several instances safe, and a loop is no different.
 *
 * <p>Why more than one: a loop is serial (poll, handle, commit, commit offsets), and while it waits on the database
 * or the broker its stage does nothing else. A second loop handles its own partitions' batch meanwhile. On the
 * embedded platform (2 cores, everything co-located) two loops per stage raised the system's throughput at
 * {@code --rate max} from 424 to 488–499 orders/s (docs/benchmark.md).
 */
public final class ConsumerLoops implements AutoCloseable {

    private final String name;
    private final List<EventConsumer<?>> loops;

    private ConsumerLoops(String name, List<EventConsumer<?>> loops) {
        this.name = name;
        this.loops = List.copyOf(loops);
    }

    /**
     * Starts every loop. The database must have the runtime's migrations applied. If a loop cannot start, the ones
     * already started are closed.
     */
    public static <S> ConsumerLoops start(ConsumerSettings settings, StageHandler<S> handler, DataSource dataSource,
            MeterRegistry meters, Clock clock, ObjectMapper json) {
        List<EventConsumer<?>> started = new ArrayList<>();
        try {
            for (int n = 1; n <= settings.getInt(ConsumerSettings.LOOP_THREADS); n++) {
                started.add(EventConsumer.start(settings, n, handler, dataSource, meters, clock, json));
            }
        } catch (RuntimeException e) {
            new ConsumerLoops(settings.name(), started).close();
            throw e;
        }
        return new ConsumerLoops(settings.name(), started);
    }

    /** The consumer name (the group). */
    public String name() {
        return name;
    }

    public List<EventConsumer<?>> loops() {
        return loops;
    }

    /** Partitions assigned to this instance, over all its loops. */
    public Set<TopicPartition> assignment() {
        Set<TopicPartition> all = new HashSet<>();
        loops.forEach(loop -> all.addAll(loop.assignment()));
        return all;
    }

    /** Whether every loop still runs: a loop that stopped leaves its partitions unserved until a restart. */
    public boolean isRunning() {
        return loops.stream().allMatch(EventConsumer::isRunning);
    }

    /** Asks every loop to stop first, then waits for each: the loops finish their batches in flight together. */
    @Override
    public void close() {
        loops.forEach(EventConsumer::requestStop);
        loops.forEach(EventConsumer::close);
    }
}
