package dev.orderflow.relay;

import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.relay.config.SourceConfig;
import dev.orderflow.relay.internals.EngineProperties;
import dev.orderflow.relay.internals.RelayComponents;
import dev.orderflow.relay.internals.SourcePreflight;
import dev.orderflow.relay.internals.SourceRelay;
import dev.orderflow.relay.internals.StoredPositions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox of every configured source database to Kafka until closed. Each source has its own engine,
 * slot and stored position; they share one idempotent producer. Start-up checks every source first and fails as a
 * whole with a {@link RelayStartException} naming the source and what to do.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final RelayComponents components;
    private final List<SourceRelay> sources;
    private final CompletableFuture<SourceRelay> firstFailure = new CompletableFuture<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    private OutboxRelay(RelayConfig config, MeterRegistry registry, Clock clock) {
        StoredPositions positions = new StoredPositions(config.bootstrapServers(), config.offsetTopic());
        for (SourceConfig source : config.sources()) {
            new SourcePreflight(source).check(positions.find(EngineProperties.engineName(source)));
        }
        this.components = RelayComponents.create(config, registry);
        this.sources = config.sources().stream()
                .map(source -> components.sourceRelay(source, clock, firstFailure::complete))
                .toList();
    }

    /** Checks every source, then starts an engine for each; see {@link #awaitStreaming}. */
    public static OutboxRelay start(RelayConfig config, MeterRegistry registry) {
        return start(config, registry, Clock.systemUTC());
    }

    public static OutboxRelay start(RelayConfig config, MeterRegistry registry, Clock clock) {
        OutboxRelay relay = new OutboxRelay(config, registry, clock);
        relay.sources.forEach(relay.components::start);
        log.info("outbox relay started for {}", relay.sources.stream().map(s -> s.source().name()).toList());
        return relay;
    }

    public List<SourceRelay> sources() {
        return sources;
    }

    /** True while every source streams. */
    public boolean isStreaming() {
        return sources.stream().allMatch(s -> s.state() == SourceRelay.State.STREAMING);
    }

    /** Blocks until every source streams; false when the timeout passes or a source failed first. */
    public boolean awaitStreaming(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isStreaming()) {
            if (firstFailure.isDone() || System.nanoTime() > deadline) {
                return false;
            }
            closed.await(20, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Completes with the first source whose engine stopped on an error. */
    public CompletableFuture<SourceRelay> firstFailure() {
        return firstFailure;
    }

    /**
     * Blocks until a source failed (returns it) or {@link #close()} has finished (returns empty). The caller then
     * closes the relay on its own thread: closing from the failing engine's thread (its completion callback) would
     * wait for that very thread to end.
     */
    public java.util.Optional<SourceRelay> awaitFailureOrClosed() throws InterruptedException {
        while (!closed.await(50, TimeUnit.MILLISECONDS)) {
            if (firstFailure.isDone()) {
                return java.util.Optional.of(firstFailure.join());
            }
        }
        return java.util.Optional.ofNullable(firstFailure.getNow(null));
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    public boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        return closed.await(timeout, unit);
    }

    /** Stops every engine (positions of what Kafka acknowledged are stored), then the producer. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            closeSourcesThenComponents();
        } finally {
            closed.countDown();
        }
        log.info("outbox relay stopped");
    }

    private void closeSourcesThenComponents() {
        // In parallel: an engine that cannot store its position (broker gone) waits out its close timeout, and
        // several sources should not wait one after another.
        CompletableFuture.allOf(sources.stream()
                .map(source -> CompletableFuture.runAsync(source::close, runnable -> {
                    Thread thread = new Thread(runnable, "outbox-relay-stop-" + source.source().name());
                    thread.setDaemon(true);
                    thread.start();
                }))
                .toArray(CompletableFuture[]::new)).join();
        components.close();
    }
}
