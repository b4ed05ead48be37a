package dev.orderflow.runtime.consumer;

import dev.orderflow.runtime.deferred.Deferral;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a stage handler decided for one event or deferred action: the order's new state, the events to announce
 * (written to the outbox), the work to defer and the deferred work to cancel. The runtime commits all of it, with
 * the dedupe record, in one transaction. Immutable; build it with the {@code with...} methods.
 */
public final class Decision<S> {

    private final S state;
    private final boolean stateChanged;
    private final List<Outgoing> events;
    private final List<Deferral> deferrals;
    private final List<String> cancelledKinds;

    private Decision(S state, boolean stateChanged, List<Outgoing> events, List<Deferral> deferrals,
            List<String> cancelledKinds) {
        this.state = state;
        this.stateChanged = stateChanged;
        this.events = List.copyOf(events);
        this.deferrals = List.copyOf(deferrals);
        this.cancelledKinds = List.copyOf(cancelledKinds);
    }

    /** Nothing to do: the state stays as it is (e.g. an event that does not concern this stage right now). */
    public static <S> Decision<S> unchanged(S current) {
        return new Decision<>(current, false, List.of(), List.of(), List.of());
    }

    /** The order moves to {@code state}. */
    public static <S> Decision<S> newState(S state) {
        return new Decision<>(Objects.requireNonNull(state, "state"), true, List.of(), List.of(), List.of());
    }

    public Decision<S> withEvent(String topic, SpecificRecord event) {
        List<Outgoing> more = new ArrayList<>(events);
        more.add(new Outgoing(topic, event));
        return new Decision<>(state, stateChanged, more, deferrals, cancelledKinds);
    }

    public Decision<S> withDeferral(Deferral deferral) {
        List<Deferral> more = new ArrayList<>(deferrals);
        more.add(deferral);
        return new Decision<>(state, stateChanged, events, more, cancelledKinds);
    }

    public Decision<S> cancelling(String kind) {
        List<String> more = new ArrayList<>(cancelledKinds);
        more.add(kind);
        return new Decision<>(state, stateChanged, events, deferrals, more);
    }

    public S state() {
        return state;
    }

    public boolean stateChanged() {
        return stateChanged;
    }

    public List<Outgoing> events() {
        return events;
    }

    public List<Deferral> deferrals() {
        return deferrals;
    }

    public List<String> cancelledKinds() {
        return cancelledKinds;
    }

    /** An event to publish on {@code topic} (the outbox row's aggregate type), keyed by the order id. */
    public record Outgoing(String topic, SpecificRecord event) {
        public Outgoing {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(event, "event");
        }
    }
}
