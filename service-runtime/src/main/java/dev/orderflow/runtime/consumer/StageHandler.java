package dev.orderflow.runtime.consumer;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.runtime.deferred.DeferredAction;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A stage service's logic: what to do with an event or a deferred action, given the order's state at this stage.
 * The runtime does everything else (decode, validate, dedupe, ordering, transactions, outbox, dead letters,
 * offsets, deferral scheduling), so a service is a handler plus a stage policy.
 *
 * <p>Handlers may call providers (through a {@link dev.orderflow.runtime.policy.StageCallExecutor}); calls of
 * different orders run concurrently, one order's events run one after another in partition order. A call must use an
 * idempotency key derived from the order, because a batch that fails to commit is handled again.
 *
 * <p>Throwing: a {@link dev.orderflow.runtime.failure.ClassifiedException} (or anything
 * {@link dev.orderflow.runtime.failure.FailureClassifier} maps) that is retryable parks the event and re-delivers it
 * later, keeping the order's later events behind it; a non-retryable one dead-letters the event.
 *
 * @param <S> the per-order state of this stage, a Jackson-serialisable value (a record)
 */
public interface StageHandler<S> {

    Class<S> stateType();

    /** Whether this stage acts on the event type; other known types are acknowledged and skipped. */
    boolean handles(SpecificRecord event);

    /** Problems that make the event invalid for this stage (dead-lettered as malformed); empty when it is valid. */
    default List<String> validate(SpecificRecord event) {
        return List.of();
    }

    /** @param state the order's state at this stage, or null if the stage has not seen the order */
    Decision<S> onEvent(SpecificRecord event, EventMetadata metadata, S state, StageContext context);

    /** A deferral this handler scheduled has come due. @param state as in {@link #onEvent} */
    Decision<S> onDeferred(DeferredAction action, S state, StageContext context);
}
