package dev.orderflow.runtime.testkit;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.consumer.StageContexts;
import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.deferred.DeferredAction;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plays the consumer runtime's part for one order, in memory: applies each decision (state, events, deferrals,
 * cancellations) the way the runtime commits it, and fires due deferrals with the attempt count the runtime keeps.
 */
public final class StageDriver<S> {

    public record Scheduled(Deferral deferral, int attempts) {
    }

    private final StageHandler<S> handler;
    private final MutableClock clock;
    private final String orderId;
    private S state;
    public final List<Decision.Outgoing> emitted = new ArrayList<>();
    public final Map<String, Scheduled> deferred = new LinkedHashMap<>();
    public Decision<S> last;

    public StageDriver(StageHandler<S> handler, MutableClock clock, String orderId) {
        this.handler = handler;
        this.clock = clock;
        this.orderId = orderId;
    }

    public S state() {
        return state;
    }

    public StageDriver<S> send(SpecificRecord event) {
        EventMetadata metadata = metadataOf(event);
        Decision<S> decision = handler.onEvent(event, metadata, state,
                StageContexts.of("test-consumer", clock, orderId, metadata.getAttempt()));
        apply(decision, null);
        return this;
    }

    /** Moves the clock to when the deferral of {@code kind} is due (or later, by {@code extra}) and runs it. */
    public StageDriver<S> fire(String kind, java.time.Duration extra) {
        Scheduled scheduled = deferred.get(kind);
        if (scheduled == null) {
            throw new AssertionError("no deferral of kind " + kind + " pending; pending: " + deferred.keySet());
        }
        Instant due = scheduled.deferral().dueAt().plus(extra);
        if (due.isAfter(clock.instant())) {
            clock.advance(java.time.Duration.between(clock.instant(), due));
        }
        DeferredAction action = new DeferredAction(UUID.randomUUID(), 1, orderId, 0, kind,
                scheduled.deferral().payload(), null, scheduled.attempts(), scheduled.deferral().dueAt(),
                scheduled.deferral().deadline(), clock.instant());
        Decision<S> decision = handler.onDeferred(action, state,
                StageContexts.of("test-consumer", clock, orderId, 1));
        apply(decision, kind);
        return this;
    }

    public StageDriver<S> fire(String kind) {
        return fire(kind, java.time.Duration.ZERO);
    }

    public List<String> eventTypes() {
        return emitted.stream().map(o -> o.event().getClass().getSimpleName()).toList();
    }

    @SuppressWarnings("unchecked")
    public <E> E lastEvent(Class<E> type) {
        for (int i = emitted.size() - 1; i >= 0; i--) {
            if (type.isInstance(emitted.get(i).event())) {
                return (E) emitted.get(i).event();
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " emitted; emitted: " + eventTypes());
    }

    private void apply(Decision<S> decision, String firedKind) {
        last = decision;
        state = decision.state();
        emitted.addAll(decision.events());
        // As the runtime commits: a fired action that was not rescheduled is deleted, then cancellations, then upserts.
        boolean rescheduled = decision.deferrals().stream().anyMatch(d -> d.kind().equals(firedKind));
        if (firedKind != null && !rescheduled) {
            deferred.remove(firedKind);
        }
        decision.cancelledKinds().forEach(deferred::remove);
        for (Deferral d : decision.deferrals()) {
            Scheduled before = deferred.get(d.kind());
            deferred.put(d.kind(), new Scheduled(d, before == null ? 1 : before.attempts() + 1));
        }
    }

    private static EventMetadata metadataOf(SpecificRecord event) {
        try {
            Method getter = event.getClass().getMethod("getMetadata");
            return (EventMetadata) getter.invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
