package dev.orderflow.runtime.consumer;

import dev.orderflow.runtime.deadletter.DeadLetter;
import dev.orderflow.runtime.deadletter.DeadLetterWriter;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.deferred.DeferredActionStore;
import dev.orderflow.runtime.deferred.DeferredActionStore.ParkedLine;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.failure.FailureClassifier;
import dev.orderflow.runtime.outbox.OutboxWriter;
import dev.orderflow.runtime.state.StageStateStore;
import dev.orderflow.runtime.state.StageStateStore.Versioned;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Handles one poll's records and the deferred actions that came due, as one unit:
 * <ol>
 *   <li>decode and validate every record (malformed ones become dead letters);</li>
 *   <li>drop events this consumer already applied (one dedupe query for the batch) and load every order's state
 *       (one query);</li>
 *   <li>run the handler: orders concurrently on the worker pool, each order's items one after another in order;</li>
 *   <li>write dedupe rows, new states, outbox rows and deferrals in <b>one</b> transaction;</li>
 *   <li>write the dead letters and wait for their acknowledgement.</li>
 * </ol>
 * If anything in steps 2, 4 or 5 fails, the caller handles the whole batch again from its first offsets: provider
 * calls carry idempotency keys and applied events are skipped by the dedupe, so repeating is safe.
 */
final class BatchProcessor<S> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    private final String consumer;
    private final StageHandler<S> handler;
    private final RecordDecoder decoder;
    private final DataSource dataSource;
    private final ExecutorService workers;
    private final Clock clock;
    private final ParkingPolicy parking;
    private final ToIntFunction<String> partitionOfOrder;
    private final ProcessedEvents processed;
    private final StageStateStore<S> states;
    private final DeferredActionStore deferred;
    private final OutboxEventFactory outboxEvents;
    private final OutboxWriter outbox;
    private final DeadLetterWriter deadLetters;
    private final ConsumerMetrics metrics;

    BatchProcessor(ConsumerParts<S> parts) {
        this.consumer = parts.consumer();
        this.handler = parts.handler();
        this.decoder = parts.decoder();
        this.dataSource = parts.dataSource();
        this.workers = parts.workers();
        this.clock = parts.clock();
        this.parking = parts.parking();
        this.partitionOfOrder = parts.partitionOfOrder();
        this.processed = new ProcessedEvents(consumer);
        this.states = parts.states();
        this.deferred = parts.deferred();
        this.outboxEvents = parts.outboxEvents();
        this.outbox = parts.outbox();
        this.deadLetters = parts.deadLetters();
        this.metrics = parts.metrics();
    }

    void process(List<RecordSource> records, List<DeferredAction> dueActions) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        Map<String, List<WorkItem>> byOrder = new LinkedHashMap<>();
        List<UUID> droppedActions = new ArrayList<>();
        // Parked events and timers first: they are older than anything just polled.
        for (DeferredAction action : dueActions) {
            if (action.isParkedEvent()) {
                redeliverable(action, letters, droppedActions)
                        .ifPresent(e -> add(byOrder, e.orderId(), WorkItem.event(e)));
            } else {
                add(byOrder, action.orderId(), WorkItem.action(action));
            }
        }
        for (RecordSource record : records) {
            decode(record, letters).ifPresent(e -> add(byOrder, e.orderId(), WorkItem.event(e)));
        }

        Map<String, Versioned<S>> loaded;
        Map<String, ParkedLine> parkedLines;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Set<UUID> known = processed.alreadyProcessed(c, eventIds(byOrder));
            dropDuplicates(byOrder, known, droppedActions);
            loaded = states.load(c, byOrder.keySet());
            parkedLines = deferred.parkedEventOrders(c, byOrder.keySet());
            c.commit();
        }

        List<CompletableFuture<OrderWork<S>>> running = new ArrayList<>();
        for (Map.Entry<String, List<WorkItem>> order : byOrder.entrySet()) {
            Versioned<S> current = loaded.getOrDefault(order.getKey(), new Versioned<>(null, 0));
            OrderWork<S> work = new OrderWork<>(order.getKey(), current, parkedLines.get(order.getKey()),
                    partitionOfOrder.applyAsInt(order.getKey()));
            running.add(CompletableFuture.supplyAsync(() -> runOrder(work, order.getValue()), workers));
        }
        List<OrderWork<S>> done = new ArrayList<>(running.size());
        for (CompletableFuture<OrderWork<S>> future : running) {
            done.add(join(future));
        }
        commit(done, droppedActions);
        done.forEach(w -> letters.addAll(w.deadLetters));
        deadLetters.writeAll(letters);
        done.forEach(w -> metrics.recordOrder(w.handled, w.parkedCount, w.deferredRun));
        letters.forEach(l -> metrics.deadLettered(l.category()));
    }

    private Optional<InboundEvent> decode(RecordSource record, List<DeadLetter> letters) {
        try {
            return decoder.decode(record, handler);
        } catch (RuntimeException e) {
            letters.add(deadLetter(record, e, null));
            LOG.warn("{}: dead-lettering {}: {}", consumer, record.describe(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A parked event decodes again from its stored bytes; if it no longer does, it goes to the dead letters. */
    private Optional<InboundEvent> redeliverable(DeferredAction action, List<DeadLetter> letters, List<UUID> dropped) {
        RecordSource source = RecordSource.parse(action.source(), action.createdAt().toEpochMilli(),
                action.orderId().getBytes(StandardCharsets.UTF_8), action.payload());
        try {
            return decoder.decode(source, handler)
                    .map(e -> new InboundEvent(source, e.event(), e.metadata(), action))
                    .or(() -> {
                        dropped.add(action.id());
                        return Optional.empty();
                    });
        } catch (RuntimeException e) {
            letters.add(deadLetter(source, e, null));
            dropped.add(action.id());
            return Optional.empty();
        }
    }

    private OrderWork<S> runOrder(OrderWork<S> work, List<WorkItem> items) {
        // Every log line of a handler carries the order, the event and the correlation id (never the payload).
        MDC.put("orderId", work.orderId);
        try {
            for (WorkItem item : items) {
                if (item.event() != null) {
                    MDC.put("eventId", item.event().eventId().toString());
                    MDC.put("correlationId", item.event().metadata().getCorrelationId());
                    handleEvent(work, item.event());
                } else {
                    MDC.put("eventId", "deferred:" + item.action().kind());
                    handleAction(work, item.action());
                }
            }
        } finally {
            MDC.remove("orderId");
            MDC.remove("eventId");
            MDC.remove("correlationId");
        }
        return work;
    }

    private void handleEvent(OrderWork<S> work, InboundEvent event) {
        if (work.mustWaitBehindParked(event)) {
            work.parkBehind(event, clock.instant(), parking);
            return;
        }
        StageContext context = context(work.orderId, event.metadata().getCorrelationId(),
                event.eventId().toString(), event.metadata().getAttempt());
        long started = System.nanoTime();
        try {
            Decision<S> decision = handler.onEvent(event.event(), event.metadata(), work.state(), context);
            work.apply(decision, event.eventId());
            if (event.redelivered()) {
                work.actionsDone.add(event.parked().id());
            }
            work.handled++;
        } catch (RuntimeException e) {
            FailureCategory category = FailureClassifier.classify(e);
            if (category.retryable() && !(event.redelivered() && event.parked().pastDeadline(clock.instant()))) {
                LOG.info("{}: parking event {} of order {} after a {} failure: {}", consumer, event.eventId(),
                        work.orderId, category, e.getMessage());
                work.park(event, clock.instant(), parking);
            } else {
                LOG.warn("{}: dead-lettering event {} of order {} ({}): {}", consumer, event.eventId(),
                        work.orderId, category, e.toString());
                work.deadLetters.add(deadLetter(event.source(), e, event.eventId().toString()));
                if (event.redelivered()) {
                    work.actionsDone.add(event.parked().id());
                }
            }
        } finally {
            metrics.handlerLatency(System.nanoTime() - started);
        }
    }

    private void handleAction(OrderWork<S> work, DeferredAction action) {
        StageContext context = context(work.orderId, work.orderId, action.id().toString(), 1);
        try {
            Decision<S> decision = handler.onDeferred(action, work.state(), context);
            work.apply(decision, null);
            boolean rescheduled = decision.deferrals().stream().anyMatch(d -> d.kind().equals(action.kind()));
            if (!rescheduled) {
                work.actionsDone.add(action.id());
            }
            work.deferredRun++;
        } catch (RuntimeException e) {
            // A timer has no record to dead-letter: try it again later, loudly. Handlers escalate past deadlines.
            LOG.error("{}: deferred action {} ({}) of order {} failed; retrying later", consumer, action.id(),
                    action.kind(), work.orderId, e);
            work.retryAction(action, clock.instant().plus(parking.delay(action.attempts() + 1)));
        }
    }

    private StageContext context(String orderId, String correlationId, String causationId, int attempt) {
        return new StageContext(consumer, clock, orderId, correlationId, causationId, attempt);
    }

    private void commit(List<OrderWork<S>> done, List<UUID> droppedActions) throws SQLException {
        List<UUID> appliedEvents = new ArrayList<>();
        Map<String, Versioned<S>> changedStates = new HashMap<>();
        List<dev.orderflow.runtime.outbox.OutboxEvent> events = new ArrayList<>();
        List<DeferredActionStore.Row> rows = new ArrayList<>();
        List<UUID> finished = new ArrayList<>(droppedActions);
        Map<String, List<String>> cancelled = new HashMap<>();
        for (OrderWork<S> work : done) {
            if (!work.cancelledKinds.isEmpty()) {
                cancelled.put(work.orderId, work.cancelledKinds);
            }
            appliedEvents.addAll(work.applied);
            if (work.stateChanged) {
                changedStates.put(work.orderId, new Versioned<>(work.state(), work.readVersion));
            }
            for (OrderWork.Emitted emitted : work.emitted) {
                events.add(outboxEvents.toOutbox(work.orderId, emitted.outgoing(), emitted.traceparent()));
            }
            rows.addAll(work.rows);
            finished.addAll(work.actionsDone);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                processed.record(c, appliedEvents);
                states.save(c, changedStates);
                outbox.append(c, events);
                deferred.delete(c, finished);
                deferred.cancel(c, cancelled);
                deferred.upsert(c, rows);
                for (OrderWork<S> work : done) {
                    if (work.realignParkedTo != null) {
                        deferred.realignParkedEvents(c, work.orderId, work.realignParkedTo);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        metrics.committed(appliedEvents.size(), events.size());
    }

    private void dropDuplicates(Map<String, List<WorkItem>> byOrder, Set<UUID> known, List<UUID> droppedActions) {
        Set<UUID> seen = new HashSet<>();
        int duplicates = 0;
        for (List<WorkItem> items : byOrder.values()) {
            var it = items.iterator();
            while (it.hasNext()) {
                WorkItem item = it.next();
                if (item.event() == null) {
                    continue;
                }
                UUID id = item.event().eventId();
                if (known.contains(id) || !seen.add(id)) {
                    it.remove();
                    duplicates++;
                    if (item.event().redelivered()) {
                        droppedActions.add(item.event().parked().id());
                    }
                }
            }
        }
        byOrder.values().removeIf(List::isEmpty);
        metrics.duplicates(duplicates);
    }

    private static Set<UUID> eventIds(Map<String, List<WorkItem>> byOrder) {
        Set<UUID> ids = new HashSet<>();
        byOrder.values().forEach(items -> items.stream().filter(i -> i.event() != null)
                .forEach(i -> ids.add(i.event().eventId())));
        return ids;
    }

    private DeadLetter deadLetter(RecordSource source, Throwable failure, String eventId) {
        return new DeadLetter(source.topic(), source.partition(), source.offset(), source.timestamp(), source.key(),
                source.value(), source.headers(), consumer, FailureClassifier.classify(failure), failure, eventId);
    }

    private static void add(Map<String, List<WorkItem>> byOrder, String orderId, WorkItem item) {
        byOrder.computeIfAbsent(orderId, k -> new ArrayList<>()).add(item);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            // runOrder catches handler failures itself; what escapes is a defect of the runtime.
            throw new ClassifiedException(FailureCategory.INTERNAL, "order work failed: " + e.getCause(), e.getCause());
        }
    }

    /** One polled event or one due deferred action. */
    record WorkItem(InboundEvent event, DeferredAction action) {
        static WorkItem event(InboundEvent event) {
            return new WorkItem(event, null);
        }

        static WorkItem action(DeferredAction action) {
            return new WorkItem(null, action);
        }
    }
}
