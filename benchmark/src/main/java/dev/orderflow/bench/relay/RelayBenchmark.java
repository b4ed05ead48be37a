package dev.orderflow.bench.relay;

import dev.orderflow.infra.WorkDirectories;
import dev.orderflow.infra.kafka.KafkaBrokerProcess;
import dev.orderflow.infra.kafka.KafkaBrokerSettings;
import dev.orderflow.infra.kafka.KafkaTopics;
import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.relay.OutboxRelay;
import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.outbox.OutboxEvent;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.runtime.outbox.OutboxWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The relay benchmark, all on one broker process and one PostgreSQL: (a) Kafka's ProducerPerformance, (b) the relay
 * draining a backlog of outbox rows, (c) the relay live at a fixed rate of one event per transaction.
 */
final class RelayBenchmark {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LIVE_WARM_UP = Duration.ofSeconds(3);

    record Settings(int backlogEvents, int payloadBytes, int eventsPerTransaction, int liveRate, Duration liveDuration,
                    int warmUpEvents, Map<String, String> relayOverrides, int sources, OutboxMode outboxMode) {
    }

    private final Settings settings;
    private final PrintWriter out;

    RelayBenchmark(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    RelayBenchmarkResult run() throws Exception {
        Path workDir = WorkDirectories.createTemp("relay-benchmark");
        progress("starting a broker process and PostgreSQL ...");
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(KafkaBrokerSettings.builder().partitions(3)
                .maxHeap("768m").build());
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0)) {
            String bootstrap = broker.bootstrapServers();
            List<ConnectionInfo> dbs = new ArrayList<>();
            for (int i = 0; i < settings.sources(); i++) {
                ConnectionInfo db = postgres.createDatabase("bench_relay_" + i);
                DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
                dbs.add(db);
            }
            createTopics(bootstrap);

            progress("(a) ProducerPerformance: " + settings.backlogEvents() + " records of " + settings.payloadBytes()
                    + " B ...");
            ProducerPerformanceRun.Result raw = ProducerPerformanceRun.run(bootstrap, "bench.raw",
                    settings.backlogEvents(), settings.payloadBytes(), workDir);
            progress("    " + raw.summary());

            RelayConfig config = relayConfig(bootstrap, dbs, settings.relayOverrides());
            BacklogResult backlog = backlog(config, bootstrap, dbs);
            LiveResult live = live(config, bootstrap, dbs.get(0));
            return new RelayBenchmarkResult(settings, raw, backlog.eventsPerSecond(), backlog.span(),
                    backlog.wallTime(), live.achievedRate(), live.events(), live.p50(), live.p95(), live.p99(),
                    live.max());
        } finally {
            WorkDirectories.deleteRecursively(workDir);
        }
    }

    record BacklogResult(double eventsPerSecond, Duration span, Duration wallTime) {
    }

    record LiveResult(double achievedRate, long events, double p50, double p95, double p99, double max) {
    }

    private BacklogResult backlog(RelayConfig config, String bootstrap, List<ConnectionInfo> dbs) throws Exception {
        // A first start creates the slot; everything committed after it is kept for the relay. It also relays a
        // warm-up backlog, so the measured drain runs on compiled code, as a relay that has been up for a while does.
        // The warm-up events are committed once the relay streams: before, there is no slot to keep them.
        try (OutboxRelay relay = OutboxRelay.start(config, new SimpleMeterRegistry())) {
            relay.awaitStreaming(Duration.ofSeconds(60));
            if (settings.warmUpEvents() > 0) {
                progress("    warming up on " + settings.warmUpEvents() + " events ...");
            }
            commitSpread(dbs, "order.warmup", settings.warmUpEvents());
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            while (relay.sources().stream().mapToLong(r -> r.metrics().publishedCount()).sum()
                    < settings.warmUpEvents()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the relay did not publish the " + settings.warmUpEvents()
                            + " warm-up events within " + DRAIN_TIMEOUT);
                }
                relay.awaitClosed(50, TimeUnit.MILLISECONDS);
            }
        }
        progress("(b) committing a backlog of " + settings.backlogEvents() + " outbox events ("
                + settings.eventsPerTransaction() + " per transaction) with the relay stopped ...");
        commitSpread(dbs, "order.backlog", settings.backlogEvents());
        progress("    starting the relay to drain it ...");
        try (TopicObserver observer = new TopicObserver(bootstrap, "bench.order.backlog")) {
            long started = System.nanoTime();
            try (OutboxRelay relay = OutboxRelay.start(config, new SimpleMeterRegistry())) {
                long arrived = observer.awaitCount(settings.backlogEvents(), DRAIN_TIMEOUT);
                Duration wall = Duration.ofNanos(System.nanoTime() - started);
                if (relay.firstFailure().isDone()) {
                    throw new IllegalStateException("the relay failed: " + relay.firstFailure().join().failure());
                }
                if (arrived < settings.backlogEvents()) {
                    throw new IllegalStateException("only " + arrived + " of " + settings.backlogEvents()
                            + " backlog events arrived within " + DRAIN_TIMEOUT);
                }
                Duration span = observer.timestampSpan();
                double rate = settings.backlogEvents() / Math.max(0.001, span.toNanos() / 1e9);
                progress(String.format("    %d events in %d ms of broker append time: %.0f events/s (wall time "
                        + "from relay start %d ms)", arrived, span.toMillis(), rate, wall.toMillis()));
                return new BacklogResult(rate, span, wall);
            }
        }
    }

    private LiveResult live(RelayConfig config, String bootstrap, ConnectionInfo db) throws Exception {
        progress("(c) live: " + settings.liveRate() + " events/s, one per transaction, for "
                + settings.liveDuration().toSeconds() + " s ...");
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try (OutboxRelay relay = OutboxRelay.start(config, new SimpleMeterRegistry());
             TopicObserver observer = new TopicObserver(bootstrap, "bench.order.live");
             Connection connection = db.connect()) {
            relay.awaitStreaming(Duration.ofSeconds(60));
            connection.setAutoCommit(false);
            OutboxWriter writer = OutboxWriter.of(settings.outboxMode(), Clock.systemUTC());
            Random random = new Random(2);
            AtomicLong written = new AtomicLong();
            Instant start = Instant.now();
            observer.recordLatencyFrom(start.plus(LIVE_WARM_UP));
            long periodNanos = 1_000_000_000L / settings.liveRate();
            ScheduledFuture<?> writing = pacer.scheduleAtFixedRate(() -> {
                try {
                    writer.append(connection, List.of(event(random, "order.live", written.get())));
                    connection.commit();
                    written.incrementAndGet();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            Instant end = start.plus(settings.liveDuration());
            while (Instant.now().isBefore(end) && !writing.isDone()) {
                observer.poll();
            }
            writing.cancel(false);
            Duration elapsed = Duration.between(start, Instant.now());
            long total = written.get();
            observer.awaitCount(total, Duration.ofSeconds(30));
            var h = observer.latencyMicros();
            double rate = total / (elapsed.toNanos() / 1e9);
            LiveResult result = new LiveResult(rate, observer.count(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                    h.getMaxValue() / 1000.0);
            progress(String.format("    %d events at %.0f/s; commit->consumer latency p50 %.1f ms, p95 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms", result.events(), rate, result.p50(), result.p95(), result.p99(),
                    result.max()));
            return result;
        } finally {
            pacer.shutdownNow();
        }
    }

    /** The events split evenly over the source databases, as services each write their own outbox. */
    private void commitSpread(List<ConnectionInfo> dbs, String aggregateType, int count) throws SQLException {
        for (int i = 0; i < dbs.size(); i++) {
            commitEvents(dbs.get(i), aggregateType, count / dbs.size() + (i < count % dbs.size() ? 1 : 0));
        }
    }

    private void commitEvents(ConnectionInfo db, String aggregateType, int count) throws SQLException {
        OutboxWriter writer = OutboxWriter.of(settings.outboxMode(), Clock.systemUTC());
        Random random = new Random(1);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            List<OutboxEvent> batch = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                batch.add(event(random, aggregateType, i));
                if (batch.size() == settings.eventsPerTransaction()) {
                    writer.append(connection, batch);
                    connection.commit();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                writer.append(connection, batch);
                connection.commit();
            }
        }
    }

    private OutboxEvent event(Random random, String aggregateType, long sequence) {
        byte[] payload = new byte[settings.payloadBytes()];
        random.nextBytes(payload);
        String order = "order-" + (sequence % 1000);
        return new OutboxEvent(UUID.randomUUID(), aggregateType, order, "dev.orderflow.events.BenchmarkEvent",
                payload, "corr-" + order, UUID.randomUUID().toString(), null);
    }

    private static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, String> appendTime = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
            KafkaTopics.createAndAwait(admin, List.of(
                    new NewTopic("bench.raw", 3, (short) 1),
                    new NewTopic("bench.order.warmup", 3, (short) 1),
                    new NewTopic("bench.order.backlog", 3, (short) 1).configs(appendTime),
                    new NewTopic("bench.order.live", 3, (short) 1)), Duration.ofSeconds(30));
        }
    }

    private static RelayConfig relayConfig(String bootstrap, List<ConnectionInfo> dbs, Map<String, String> overrides) {
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", bootstrap);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < dbs.size(); i++) {
            String name = "bench" + i;
            names.add(name);
            s.put("source." + name + ".jdbc.url", dbs.get(i).jdbcUrl());
            s.put("source." + name + ".user", dbs.get(i).user());
            s.put("source." + name + ".password", dbs.get(i).password());
        }
        s.put("sources", String.join(",", names));
        s.put("topic.pattern", "bench.{aggregateType}");
        s.put("http.port", "-1");
        s.putAll(overrides);
        return new RelayConfig(s);
    }

    private void progress(String line) {
        out.println(line);
        out.flush();
    }
}
