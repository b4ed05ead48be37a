package dev.orderflow.runtime.consumer;

import dev.orderflow.runtime.deadletter.DeadLetterWriter;
import dev.orderflow.runtime.deferred.DeferredActionStore;
import dev.orderflow.runtime.outbox.OutboxWriter;
import dev.orderflow.runtime.state.StageStateStore;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;

/** What a {@link BatchProcessor} works with, wired once by {@link EventConsumer}. */
record ConsumerParts<S>(String consumer, StageHandler<S> handler, RecordDecoder decoder, DataSource dataSource,
        ExecutorService workers, Clock clock, ParkingPolicy parking, ToIntFunction<String> partitionOfOrder,
        StageStateStore<S> states, DeferredActionStore deferred, OutboxEventFactory outboxEvents, OutboxWriter outbox,
        DeadLetterWriter deadLetters, ConsumerMetrics metrics) {
}
