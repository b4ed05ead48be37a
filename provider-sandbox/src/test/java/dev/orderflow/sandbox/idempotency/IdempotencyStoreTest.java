package dev.orderflow.sandbox.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderflow.sandbox.AdjustableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

    private final AdjustableClock clock = new AdjustableClock(
            Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final AtomicInteger runs = new AtomicInteger();

    private String work() {
        return "result-" + runs.incrementAndGet();
    }

    @Test
    void sameKeyAndRequestReplaysTheFirstResultWithoutRunningAgain() {
        IdempotencyStore<String> store = IdempotencyStore.keepingForever(clock);

        IdempotencyStore.Execution<String> first = store.execute("k", "request-a", this::work);
        IdempotencyStore.Execution<String> second = store.execute("k", "request-a", this::work);

        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.result()).isEqualTo(first.result()).isEqualTo("result-1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void sameKeyWithAnotherRequestIsAConflictAndRunsNothing() {
        IdempotencyStore<String> store = IdempotencyStore.keepingForever(clock);
        store.execute("k", "request-a", this::work);

        assertThatThrownBy(() -> store.execute("k", "request-b", this::work))
                .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("k");
        assertThat(runs).hasValue(1);
    }

    @Test
    void distinctKeysAreIndependent() {
        IdempotencyStore<String> store = IdempotencyStore.keepingForever(clock);

        assertThat(store.execute("k1", "same", this::work).result()).isEqualTo("result-1");
        assertThat(store.execute("k2", "same", this::work).result()).isEqualTo("result-2");
    }

    @Test
    void anExpiringKeyProtectsUntilTheWindowEndsThenRunsTheWorkAgain() {
        IdempotencyStore<String> store = IdempotencyStore.expiringAfter(clock, Duration.ofHours(24));
        store.execute("k", "request-a", this::work);

        clock.advance(Duration.ofHours(24).minusNanos(1));
        assertThat(store.execute("k", "request-a", this::work).replayed()).isTrue();

        clock.advance(Duration.ofNanos(1));
        IdempotencyStore.Execution<String> late = store.execute("k", "request-a", this::work);
        assertThat(late.replayed()).isFalse();
        assertThat(late.result()).isEqualTo("result-2");
    }

    @Test
    void afterExpiryTheKeyMayEvenCarryAnotherRequest() {
        IdempotencyStore<String> store = IdempotencyStore.expiringAfter(clock, Duration.ofMinutes(5));
        store.execute("k", "request-a", this::work);
        clock.advance(Duration.ofMinutes(5));

        assertThat(store.execute("k", "request-b", this::work).result()).isEqualTo("result-2");
    }

    @Test
    void expiredKeysAreForgottenOldestFirst() {
        IdempotencyStore<String> store = IdempotencyStore.expiringAfter(clock, Duration.ofMinutes(10));
        store.execute("old", "r", this::work);
        clock.advance(Duration.ofMinutes(6));
        store.execute("young", "r", this::work);
        clock.advance(Duration.ofMinutes(5));

        assertThat(store.find("old")).isEmpty();
        assertThat(store.find("young")).contains("result-2");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void keysKeptForeverNeverExpire() {
        IdempotencyStore<String> store = IdempotencyStore.keepingForever(clock);
        store.execute("k", "r", this::work);
        clock.advance(Duration.ofDays(3650));

        assertThat(store.execute("k", "r", this::work).replayed()).isTrue();
    }

    @Test
    void failedWorkIsNotRemembered() {
        IdempotencyStore<String> store = IdempotencyStore.keepingForever(clock);

        assertThatThrownBy(() -> store.execute("k", "r", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.execute("k", "r", this::work).replayed()).isFalse();
    }

    @Test
    void aNonPositiveWindowIsRefused() {
        assertThatThrownBy(() -> IdempotencyStore.expiringAfter(clock, Duration.ZERO))
                .hasMessage("Invalid value PT0S for idempotency key retention: must be positive");
    }
}
