package dev.orderflow.runtime.consumer;

import dev.orderflow.runtime.deadletter.DeadLetter;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.deferred.DeferredActionStore.ParkedLine;
import dev.orderflow.runtime.deferred.DeferredActionStore.Row;
import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.state.StageStateStore.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One order's share of a batch, worked by one thread: its state as it evolves item by item, and everything to
 * commit for it. Also keeps the order's line of parked events: once an event of the order is parked, every later
 * event of the order waits behind it, so the handler still sees the order's events in order.
 */
final class OrderWork<S> {

    final String orderId;
    final long readVersion;
    final int partition;
    final List<UUID> applied = new ArrayList<>();
    final List<Emitted> emitted = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    final List<String> cancelledKinds = new ArrayList<>();
    final List<UUID> actionsDone = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    Instant realignParkedTo;
    boolean stateChanged;
    int handled;
    int parkedCount;
    int deferredRun;

    private S state;
    /** Parked events of this order stay in the database beyond this batch: new events must queue behind them. */
    private boolean lineBeyondBatch;
    private boolean failedInBatch;
    private Instant lineDueAt;

    OrderWork(String orderId, Versioned<S> current, ParkedLine line, int partition) {
        this.orderId = orderId;
        this.readVersion = current.version();
        this.state = current.state();
        this.partition = partition;
        if (line != null) {
            this.lineDueAt = line.lastDueAt();
        }
        this.parkedInDatabase = line == null ? 0 : line.count();
    }

    private final int parkedInDatabase;
    private int parkedSeenInBatch;

    S state() {
        return state;
    }

    /**
     * Whether this event must wait: a re-delivered parked event waits when one before it failed again in this batch;
     * a new event waits while any parked event of the order is still pending.
     */
    boolean mustWaitBehindParked(InboundEvent event) {
        if (event.redelivered()) {
            parkedSeenInBatch++;
            return failedInBatch;
        }
        lineBeyondBatch = parkedInDatabase > parkedSeenInBatch;
        return failedInBatch || lineBeyondBatch;
    }

    void apply(Decision<S> decision, UUID eventId) {
        state = decision.state();
        stateChanged |= decision.stateChanged();
        decision.events().forEach(o -> emitted.add(new Emitted(o, null)));
        // A cancellation undoes what this batch scheduled of the kind before it; a deferral after it still counts
        // (the commit deletes cancelled kinds before it writes the batch's deferrals).
        rows.removeIf(row -> decision.cancelledKinds().contains(row.kind()));
        cancelledKinds.addAll(decision.cancelledKinds());
        for (Deferral d : decision.deferrals()) {
            rows.add(new Row(orderId, partition, d.kind(), d.payload(), null, 1, d.dueAt(), d.deadline()));
        }
        if (eventId != null) {
            applied.add(eventId);
        }
    }

    /** The event failed in a way that may pass later: park it (or put it off again) and hold the order's line. */
    void park(InboundEvent event, Instant now, ParkingPolicy parking) {
        if (event.redelivered()) {
            DeferredAction parked = event.parked();
            Instant due = now.plus(parking.delay(parked.attempts() + 1));
            rows.add(new Row(orderId, partition, parked.kind(), parked.payload(), parked.source(), 1, due,
                    parked.deadline()));
            realignParkedTo = due;
            lineDueAt = due;
        } else {
            Instant due = now.plus(parking.delay(1));
            rows.add(parkedRow(event, due, now.plus(parking.deadline()), 1));
            lineDueAt = due;
            parkedCount++;
        }
        failedInBatch = true;
    }

    /** A new event queues behind the parked ones, due when the last of them is. */
    void parkBehind(InboundEvent event, Instant now, ParkingPolicy parking) {
        if (event.redelivered()) {
            return;    // already a row; the realignment after the failure moves it
        }
        Instant due = lineDueAt == null ? now.plus(parking.delay(1)) : lineDueAt;
        rows.add(parkedRow(event, due, now.plus(parking.deadline()), 0));
        parkedCount++;
    }

    /** A deferred action whose handler failed: run it again at {@code due}. */
    void retryAction(DeferredAction action, Instant due) {
        rows.add(new Row(orderId, partition, action.kind(), action.payload(), action.source(), 1, due,
                action.deadline()));
    }

    private Row parkedRow(InboundEvent event, Instant due, Instant deadline, int attempts) {
        return new Row(orderId, partition, DeferredAction.PARKED_EVENT_PREFIX + event.eventId(),
                event.source().value(), event.source().describe(), attempts, due, deadline);
    }

    /** An event to write to the outbox, with the trace context it continues (if any). */
    record Emitted(Decision.Outgoing outgoing, String traceparent) {
    }
}
