package dev.orderflow.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.relay.internals.SourceRelay;
import dev.orderflow.runtime.outbox.OutboxEvent;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.runtime.outbox.OutboxWriter;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(RealInfrastructure.class)
class OutboxRelayIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    /**
     * {@code writers}: how the transactions write their events; with both, they take turns, as while the services
     * of one database are switched from one way to the other.
     */
    @ParameterizedTest(name = "outbox written as {0}")
    @ValueSource(strings = {"table", "message", "table+message"})
    void committedEventsArriveOnceInCommitOrderWithTheirBytesAndHeadersAndRolledBackOnesNever(String writers,
            KafkaFixture kafka, PostgresFixture postgres) throws Exception {
        OutboxDatabase db = OutboxDatabase.create(postgres, "relay_it");
        String prefix = UniqueNames.of("relay-it");
        kafka.createTopics(prefix + ".order.payment", prefix + ".order.shipping");
        Map<String, String> settings = settings(kafka, prefix);
        settings.put("sources", "payment");
        settings.putAll(db.sourceSettings("payment", UniqueNames.identifier("slot")));

        TestEvents events = new TestEvents(42);
        Random random = new Random(7);
        List<OutboxEvent> committed = new ArrayList<>();
        List<OutboxEvent> rolledBack = new ArrayList<>();
        List<OutboxWriter> turns = Arrays.stream(writers.split("\\+"))
                .map(mode -> OutboxWriter.of(OutboxMode.parse(mode), Clock.systemUTC())).toList();
        try (OutboxRelay relay = OutboxRelay.start(new RelayConfig(settings), new SimpleMeterRegistry())) {
            assertThat(relay.awaitStreaming(ARRIVAL)).as("relay streaming").isTrue();
            for (int tx = 0; tx < 120; tx++) {
                List<OutboxEvent> batch = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                    String type = random.nextBoolean() ? "order.payment" : "order.shipping";
                    batch.add(events.next(type, "order-" + random.nextInt(25)));
                }
                OutboxWriter writer = turns.get(tx % turns.size());
                if (tx % 10 == 9) {
                    db.rollback(batch, writer);
                    rolledBack.addAll(batch);
                } else {
                    db.commit(batch, writer);
                    committed.addAll(batch);
                }
            }
            try (TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")),
                    List.of(prefix + ".order.payment", prefix + ".order.shipping"))) {
                await("all committed events on the topics").atMost(ARRIVAL)
                        .until(() -> reader.poll() >= committed.size());
                // Anything published twice or from a rolled-back transaction would arrive within this extra poll.
                await().pollDelay(Duration.ofMillis(500)).until(() -> reader.poll() >= committed.size());
                assertPublishedExactly(committed, reader.records(), prefix);
            }
            assertThat(relay.sources().get(0).metrics().publishedCount()).isEqualTo(committed.size());
        }
        assertThat(rolledBack).isNotEmpty();
        assertThat(db.queryLong("SELECT count(*) FROM outbox")).as("outbox rows left behind").isZero();
    }

    @Test
    void oneRelayPublishesSeveralDatabasesAndReportsHealthAndMetrics(KafkaFixture kafka, PostgresFixture postgres)
            throws Exception {
        OutboxDatabase inventory = OutboxDatabase.create(postgres, "relay_inv");
        OutboxDatabase payment = OutboxDatabase.create(postgres, "relay_pay");
        String prefix = UniqueNames.of("relay-multi");
        kafka.createTopics(prefix + ".order.inventory", prefix + ".order.payment");
        Map<String, String> settings = settings(kafka, prefix);
        settings.put("sources", "inventory,payment");
        settings.putAll(inventory.sourceSettings("inventory", UniqueNames.identifier("slot")));
        settings.putAll(payment.sourceSettings("payment", UniqueNames.identifier("slot")));
        settings.put("http.port", "0");

        TestEvents events = new TestEvents(1);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        RelayConfig config = new RelayConfig(settings);
        try (OutboxRelay relay = OutboxRelay.start(config, registry);
             RelayHttpEndpoint http = RelayHttpEndpoint.start(0, relay, registry);
             TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")),
                     List.of(prefix + ".order.inventory", prefix + ".order.payment"))) {
            assertThat(relay.awaitStreaming(ARRIVAL)).isTrue();
            for (int i = 0; i < 30; i++) {
                inventory.commit(List.of(events.next("order.inventory", "o" + i)));
                payment.commit(List.of(events.next("order.payment", "o" + i)));
            }
            await().atMost(ARRIVAL).until(() -> reader.poll() >= 60);
            Map<String, Long> perTopic = reader.records().stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::topic, Collectors.counting()));
            assertThat(perTopic).containsEntry(prefix + ".order.inventory", 30L)
                    .containsEntry(prefix + ".order.payment", 30L);

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"inventory\":{\"state\":\"STREAMING\"",
                    "\"payment\":{\"state\":\"STREAMING\"");
            await("slot lag measured").atMost(ARRIVAL).until(() -> relay.sources().stream()
                    .allMatch(s -> s.metrics().slotLagBytes() >= 0));
            String metrics = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("orderflow_relay_events_published_total{source=\"inventory\"} 30.0",
                    "orderflow_relay_events_published_total{source=\"payment\"} 30.0",
                    "orderflow_relay_slot_lag_bytes{source=\"payment\"}",
                    "orderflow_relay_publish_latency_seconds{source=\"payment\",quantile=\"0.99\"}");
        }
    }

    @Test
    void aDroppedSlotStopsTheStartUntilAnOperatorResetsTheSource(KafkaFixture kafka, PostgresFixture postgres)
            throws Exception {
        OutboxDatabase db = OutboxDatabase.create(postgres, "relay_drop");
        String prefix = UniqueNames.of("relay-drop");
        kafka.createTopics(prefix + ".order.payment");
        String slot = UniqueNames.identifier("slot");
        Map<String, String> settings = settings(kafka, prefix);
        settings.put("sources", "payment");
        settings.putAll(db.sourceSettings("payment", slot));
        TestEvents events = new TestEvents(3);

        try (OutboxRelay relay = OutboxRelay.start(new RelayConfig(settings), new SimpleMeterRegistry());
             TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")),
                     List.of(prefix + ".order.payment"))) {
            assertThat(relay.awaitStreaming(ARRIVAL)).isTrue();
            db.commit(List.of(events.next("order.payment", "o1")));
            await().atMost(ARRIVAL).until(() -> reader.poll() >= 1);
        }
        db.execute("SELECT pg_drop_replication_slot('" + slot + "')");

        assertThatThrownBy(() -> OutboxRelay.start(new RelayConfig(settings), new SimpleMeterRegistry()))
                .isInstanceOf(RelayStartException.class)
                .hasMessageContaining("replication slot " + slot + " does not exist")
                .hasMessageContaining("--reset-source payment");

        java.io.StringWriter out = new java.io.StringWriter();
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        args.addAll(List.of("--reset-source", "payment"));
        int exit = new picocli.CommandLine(new RelayMain(Map.of())).setOut(new java.io.PrintWriter(out))
                .execute(args.toArray(String[]::new));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("cleared the stored position of payment");

        try (OutboxRelay relay = OutboxRelay.start(new RelayConfig(settings), new SimpleMeterRegistry());
             TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")),
                     List.of(prefix + ".order.payment"))) {
            assertThat(relay.awaitStreaming(ARRIVAL)).isTrue();
            db.commit(List.of(events.next("order.payment", "o2")));
            await().atMost(ARRIVAL).until(() -> reader.poll() >= 2);
        }
    }

    @Test
    void anIdleOutboxDoesNotMakeTheSlotHoldWalAndALostConnectionIsResumed(KafkaFixture kafka,
                                                                           PostgresFixture postgres) throws Exception {
        OutboxDatabase db = OutboxDatabase.create(postgres, "relay_idle");
        String prefix = UniqueNames.of("relay-idle");
        kafka.createTopics(prefix + ".order.payment");
        String slot = UniqueNames.identifier("slot");
        Map<String, String> settings = settings(kafka, prefix);
        settings.put("sources", "payment");
        settings.putAll(db.sourceSettings("payment", slot));
        settings.put("heartbeat.interval.ms", "200");
        settings.put("slot.lag.interval.ms", "200");
        db.execute("CREATE TABLE noise (id bigserial PRIMARY KEY, filler text)");
        TestEvents events = new TestEvents(5);

        try (OutboxRelay relay = OutboxRelay.start(new RelayConfig(settings), new SimpleMeterRegistry());
             TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")),
                     List.of(prefix + ".order.payment"))) {
            assertThat(relay.awaitStreaming(ARRIVAL)).isTrue();
            db.commit(List.of(events.next("order.payment", "o1")));
            await().atMost(ARRIVAL).until(() -> reader.poll() >= 1);

            // Several MB of WAL from a table the relay does not read.
            db.execute("INSERT INTO noise (filler) SELECT repeat('x', 1000) FROM generate_series(1, 25000)");
            long lagAfterNoise = db.queryLong("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)"
                    + "::bigint FROM pg_replication_slots WHERE slot_name = '" + slot + "'");
            assertThat(lagAfterNoise).as("WAL written while idle").isGreaterThan(5_000_000L);
            await("slot confirms past the idle WAL").atMost(ARRIVAL).until(() -> db.queryLong(
                    "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint"
                            + " FROM pg_replication_slots WHERE slot_name = '" + slot + "'") < 1_000_000L);
            SourceRelay source = relay.sources().get(0);
            await("slot lag metric").atMost(ARRIVAL).until(() -> source.metrics().slotLagBytes() >= 0
                    && source.metrics().slotLagBytes() < 1_000_000L);
            assertThat(source.metrics().skippedCount()).as("heartbeats acknowledged, not published").isPositive();
            assertThat(reader.poll()).isEqualTo(1);

            // The database drops the relay's replication connection, as on a restart or failover.
            db.execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "'");
            for (int i = 2; i <= 20; i++) {
                db.commit(List.of(events.next("order.payment", "o" + i)));
            }
            await("events after the reconnect").atMost(ARRIVAL).until(() -> reader.poll() >= 20);
            assertThat(reader.records().stream().map(r -> header(r, "id")).distinct().count()).isEqualTo(20);
        }
    }

    private static Map<String, String> settings(KafkaFixture kafka, String prefix) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("topic.pattern", prefix + ".{aggregateType}");
        settings.put("offset.topic", prefix + ".offsets");
        settings.put("http.port", "-1");
        return settings;
    }

    private static void assertPublishedExactly(List<OutboxEvent> committed,
                                               List<ConsumerRecord<byte[], byte[]>> records, String prefix) {
        assertThat(records).hasSize(committed.size());
        Map<String, ConsumerRecord<byte[], byte[]>> byId = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            assertThat(byId.put(header(r, "id"), r)).as("published twice: %s", header(r, "id")).isNull();
        }
        for (OutboxEvent e : committed) {
            ConsumerRecord<byte[], byte[]> r = byId.get(e.eventId().toString());
            assertThat(r).as("not published: %s", e).isNotNull();
            assertThat(r.topic()).isEqualTo(prefix + "." + e.aggregateType());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(e.aggregateId());
            assertThat(r.value()).isEqualTo(e.payload());
            assertThat(header(r, "eventType")).isEqualTo(e.eventType());
            assertThat(header(r, "correlationId")).isEqualTo(e.correlationId());
            assertThat(header(r, "causationId")).isEqualTo(e.causationId());
            assertThat(header(r, "traceparent")).isEqualTo(e.traceparent());
        }
        // Commit order per order id and topic: one order's events on a topic share a partition.
        Map<String, List<String>> expected = committed.stream().collect(Collectors.groupingBy(
                e -> e.aggregateType() + "/" + e.aggregateId(), LinkedHashMap::new,
                Collectors.mapping(e -> e.eventId().toString(), Collectors.toList())));
        Map<String, List<String>> actual = records.stream().collect(Collectors.groupingBy(
                r -> r.topic().substring(prefix.length() + 1) + "/" + new String(r.key(), StandardCharsets.UTF_8),
                LinkedHashMap::new, Collectors.mapping(r -> header(r, "id"), Collectors.toList())));
        assertThat(actual).isEqualTo(expected);
        assertThat(Set.copyOf(actual.keySet())).hasSizeGreaterThan(10);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
