package dev.orderflow.orderstream.topology;

import dev.orderflow.orderstream.domain.Escalation;
import dev.orderflow.orderstream.domain.OrderEvent;
import dev.orderflow.orderstream.domain.OrderStateMachine;
import dev.orderflow.orderstream.domain.OrderView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each event to its order's view and keeps the view, the deadline index and the state index in step; a
 * wall-clock punctuator escalates orders whose deadline passed. Everything one record or punctuation changes
 * (stores, state topic, exceptions topic) commits in one exactly-once transaction, so an escalation is emitted
 * once per stuck episode even across crashes.
 *
 * <p>The punctuator reads only the due part of the deadline index (a range scan up to now), never the whole view
 * store, and escalates at most a configured number of orders per run.
 *
 * <p>Which "now": deadlines count from event time, so while the task works through a backlog, wall-clock time
 * would escalate orders whose resolving event is already waiting in the backlog. When records were processed
 * since the last punctuation, "now" is therefore the latest event time seen (never later than the wall clock);
 * when the task is idle (caught up), it is the wall clock, which is what finds orders nothing happens to.
 */
final class OrderEventProcessor implements Processor<String, SpecificRecord, String, Object> {

    /** Views kept as objects per task: a few seconds of orders under load, some MiB. */
    static final int RECENT_VIEWS = 4096;

    private final OrderStateMachine machine;
    private final AvroEventMapper mapper = new AvroEventMapper();
    private final EscalationEvents escalations;
    private final Duration punctuationInterval;
    private final int maxEscalationsPerRun;
    private final RecentViews recent = new RecentViews(RECENT_VIEWS);

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, OrderView> views;
    private KeyValueStore<String, String> deadlines;
    private KeyValueStore<String, String> byState;
    private boolean processedSincePunctuation;
    private long latestEventTime = Long.MIN_VALUE;

    OrderEventProcessor(OrderStateMachine machine, EscalationEvents escalations, Duration punctuationInterval,
                        int maxEscalationsPerRun) {
        this.machine = machine;
        this.escalations = escalations;
        this.punctuationInterval = punctuationInterval;
        this.maxEscalationsPerRun = maxEscalationsPerRun;
    }

    @Override
    public void init(ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
        // (Re)initialized: after a rebalance or an aborted transaction the store may have been restored.
        recent.clear();
        this.views = processorContext.getStateStore(OrderStreamTopology.VIEW_STORE);
        this.deadlines = processorContext.getStateStore(OrderStreamTopology.DEADLINE_STORE);
        this.byState = processorContext.getStateStore(OrderStreamTopology.STATE_INDEX_STORE);
        processorContext.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, this::escalateDue);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        processedSincePunctuation = true;
        latestEventTime = Math.max(latestEventTime, record.timestamp());
        OrderEvent event = mapper.toDomain(record.value());
        String orderId = record.key() == null ? event.orderId() : record.key();
        if (!Objects.equals(orderId, event.orderId())) {
            // The key decides the partition and so the task that owns the order: a mismatch would split an order.
            throw new UnsupportedEventException("record key '" + orderId + "' is not the event's order id '"
                    + event.orderId() + "'");
        }
        OrderView before = recent.get(orderId, views::get);
        OrderStateMachine.Result result = machine.apply(before, event);
        if (result.changed()) {
            save(before, result.view(), record.timestamp());
        }
    }

    private void escalateDue(long wallClock) {
        long now = processedSincePunctuation ? Math.min(wallClock, latestEventTime) : wallClock;
        processedSincePunctuation = false;
        if (now == Long.MIN_VALUE) {
            return;
        }
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = deadlines.range(StoreKeys.lowestDeadline(),
                StoreKeys.deadlineUpTo(now))) {
            while (it.hasNext() && due.size() < maxEscalationsPerRun) {
                due.add(it.next());
            }
        }
        Instant at = Instant.ofEpochMilli(now);
        for (KeyValue<String, String> entry : due) {
            OrderView view = recent.get(entry.value, views::get);
            Optional<Escalation> escalation = view == null ? Optional.empty() : machine.escalateIfDue(view, at);
            if (escalation.isPresent()) {
                save(view, escalation.get().view(), now);
                context.forward(new Record<>(view.orderId(), escalations.toAvro(escalation.get(), view, at), now),
                        OrderStreamTopology.EXCEPTIONS_SINK);
            } else {
                // Left behind by a view that moved on or was escalated: nothing is due for this entry.
                deadlines.delete(entry.key);
            }
        }
    }

    private void save(OrderView before, OrderView after, long timestamp) {
        String orderId = after.orderId();
        views.put(orderId, after);
        recent.put(after);
        if (before == null || before.state() != after.state()) {
            if (before != null) {
                byState.delete(StoreKeys.stateKey(before.state(), orderId));
            }
            byState.put(StoreKeys.stateKey(after.state(), orderId), orderId);
        }
        if (before != null && before.deadline() != null && !before.deadline().equals(after.deadline())) {
            deadlines.delete(StoreKeys.deadlineKey(before.deadline(), orderId));
        }
        if (after.deadline() != null) {
            deadlines.put(StoreKeys.deadlineKey(after.deadline(), orderId), orderId);
        }
        context.forward(new Record<>(orderId, after, timestamp), OrderStreamTopology.STATE_SINK);
    }
}
