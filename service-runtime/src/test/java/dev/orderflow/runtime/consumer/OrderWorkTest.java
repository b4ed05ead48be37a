package dev.orderflow.runtime.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.deferred.Deferral;
import dev.orderflow.runtime.deferred.DeferredActionStore.Row;
import dev.orderflow.runtime.state.StageStateStore.Versioned;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What one order's share of a batch leaves to commit when its decisions schedule and cancel the same work. */
class OrderWorkTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private final OrderWork<String> work = new OrderWork<>("o-1", new Versioned<>(null, 0), null, 3);

    @Test
    void aCancellationUndoesWhatTheBatchScheduledOfItsKindBefore() {
        work.apply(Decision.newState("accepted").withDeferral(poll()).withDeferral(other()), null);
        work.apply(Decision.newState("delivered").cancelling("poll"), null);

        assertThat(work.rows).extracting(Row::kind).containsExactly("other");
        assertThat(work.cancelledKinds).containsExactly("poll");
    }

    @Test
    void aDeferralAfterACancellationInTheSameBatchStays() {
        work.apply(Decision.newState("resolved").cancelling("poll"), null);
        work.apply(Decision.newState("accepted").withDeferral(poll()), null);

        assertThat(work.rows).extracting(Row::kind, Row::partition).containsExactly(
                org.assertj.core.groups.Tuple.tuple("poll", 3));
        assertThat(work.cancelledKinds).containsExactly("poll");
    }

    private static Deferral poll() {
        return Deferral.of("poll", null, NOW.plusSeconds(10), NOW.plusSeconds(3600));
    }

    private static Deferral other() {
        return Deferral.of("other", null, NOW.plusSeconds(10), NOW.plusSeconds(3600));
    }
}
