package dev.orderflow.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.WorkDirectories;
import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.runtime.outbox.OutboxEvent;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The relay's slot and its stored position across restarts. The chaos run's failure (docs/chaos.md): an idle
 * source's slot was confirmed past the stored position while the cluster's other databases wrote WAL, and a relay
 * killed then was refused at restart. Now only the relay confirms, after storing, and its heartbeat moves both
 * along; a slot found ahead anyway was advanced by someone else and is refused.
 */
@ExtendWith(RealInfrastructure.class)
class RelaySlotAheadIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @Test
    void aRelayKilledAfterIdlingWhileTheClusterWroteWalRestartsAndTheSlotHeldNoWal(KafkaFixture kafka,
                                                                                  PostgresFixture postgres)
            throws Exception {
        OutboxDatabase db = OutboxDatabase.create(postgres, "relay_idle_kill");
        OutboxDatabase other = OutboxDatabase.create(postgres, "relay_busy_neighbour");
        String topic = UniqueNames.of("relay-idle-kill") + ".order.payment";
        kafka.createTopics(topic);
        String slot = UniqueNames.identifier("slot");
        int httpPort = LoopbackPorts.pick();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "relay-idle-kill");
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka.bootstrapServers());
        p.setProperty("sources", "payment");
        db.sourceSettings("payment", slot).forEach(p::setProperty);
        p.setProperty("topic.mapping", "order.payment=" + topic);
        p.setProperty("offset.topic", topic + ".offsets");
        p.setProperty("http.port", Integer.toString(httpPort));
        p.setProperty("heartbeat.interval.ms", "300");
        Path config = dir.resolve("relay.properties");
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "relay slot-ahead test");
        }
        TestEvents events = new TestEvents(17);
        List<OutboxEvent> committed = new ArrayList<>();
        try (TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")), List.of(topic))) {
            ChildProcess relay = RelayCrashIT.startRelay(config, dir.resolve("relay-1.log"), httpPort);
            try {
                committed.add(events.next("order.payment", "o1"));
                db.commit(committed);
                await().atMost(ARRIVAL).until(() -> reader.poll() >= 1);

                // Another database of the same cluster writes several MB of WAL while this source's outbox is idle.
                other.execute("CREATE TABLE noise (id bigserial PRIMARY KEY, filler text)");
                other.execute("INSERT INTO noise (filler) SELECT repeat('x', 1000) FROM generate_series(1, 10000)");
                long walEnd = other.queryLong("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
                assertThat(walEnd - confirmedFlush(db, slot)).as("WAL written while idle").isGreaterThan(5_000_000L);
                // The heartbeat's message in this source's log lets the relay store and confirm past all of it.
                await("the idle slot confirmed past the neighbour's WAL").atMost(ARRIVAL)
                        .until(() -> confirmedFlush(db, slot) > walEnd);
            } finally {
                relay.kill();
            }

            try (ChildProcess restarted = RelayCrashIT.startRelay(config, dir.resolve("relay-2.log"), httpPort)) {
                List<OutboxEvent> after = List.of(events.next("order.payment", "o2"),
                        events.next("order.payment", "o3"));
                db.commit(after);
                committed.addAll(after);
                await("events after the restart").atMost(ARRIVAL).until(() -> reader.poll() >= 3
                        && PublicationAudit.of(committed.stream().map(OutboxEvent::eventId).toList(),
                                reader.records()).lost() == 0);
                assertThat(reader.records().stream().map(r -> OutboxRelayIT.header(r, "id")).distinct().count())
                        .as("o1 at most republished (at-least-once), nothing lost").isEqualTo(3);
            }
        } finally {
            WorkDirectories.deleteRecursively(dir);
        }
    }

    @Test
    void aSlotAdvancedPastTheStoredPositionByHandIsRefusedNamingResetSource(KafkaFixture kafka,
                                                                          PostgresFixture postgres)
            throws Exception {
        OutboxDatabase db = OutboxDatabase.create(postgres, "relay_ahead");
        String prefix = UniqueNames.of("relay-ahead");
        String topic = prefix + ".order.payment";
        kafka.createTopics(topic);
        String slot = UniqueNames.identifier("slot");
        Map<String, String> settings = settings(kafka, prefix);
        settings.putAll(db.sourceSettings("payment", slot));
        TestEvents events = new TestEvents(11);
        try (OutboxRelay relay = OutboxRelay.start(new RelayConfig(settings), new SimpleMeterRegistry());
             TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")), List.of(topic))) {
            assertThat(relay.awaitStreaming(ARRIVAL)).isTrue();
            db.commit(List.of(events.next("order.payment", "o1")));
            await().atMost(ARRIVAL).until(() -> reader.poll() >= 1);
        }
        // Someone else confirms the slot past the stored position, over an outbox event the relay never read.
        db.commit(List.of(events.next("order.payment", "skipped")));
        await("the relay's walsender gone").atMost(ARRIVAL).until(() -> db.queryLong(
                "SELECT count(*) FROM pg_replication_slots WHERE active AND slot_name = '" + slot + "'") == 0);
        db.execute("SELECT pg_replication_slot_advance('" + slot + "', pg_current_wal_lsn())");

        StringWriter err = new StringWriter();
        int exit = relayMain(settings, err);
        assertThat(exit).as(err::toString).isEqualTo(1);
        assertThat(err.toString()).contains("replication slot " + slot).contains("past the relay's stored position")
                .contains("--reset-source payment");

        // The operator reconciled the skipped event; the relay then continues from the slot's position.
        settings.put("http.port", "-1");
        StringWriter resetOut = new StringWriter();
        List<String> reset = args(settings);
        reset.addAll(List.of("--reset-source", "payment"));
        assertThat(new CommandLine(new RelayMain(Map.of())).setOut(new PrintWriter(resetOut))
                .execute(reset.toArray(String[]::new))).isZero();
        try (OutboxRelay relay = OutboxRelay.start(new RelayConfig(settings), new SimpleMeterRegistry());
             TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")), List.of(topic))) {
            assertThat(relay.awaitStreaming(ARRIVAL)).isTrue();
            db.commit(List.of(events.next("order.payment", "o2")));
            await().atMost(ARRIVAL).until(() -> reader.poll() >= 2);
            assertThat(reader.records().stream().map(r -> OutboxRelayIT.header(r, "id")).distinct().count())
                    .as("o1 and o2; the event under the advanced slot is not in any log the relay reads")
                    .isEqualTo(2);
        }
    }

    @Test
    void theProcessExitsWithOneWhenItsSourceFails(KafkaFixture kafka, PostgresFixture postgres) throws Exception {
        OutboxDatabase db = OutboxDatabase.create(postgres, "relay_exit");
        Map<String, String> settings = settings(kafka, UniqueNames.of("relay-exit"));
        settings.putAll(db.sourceSettings("payment", UniqueNames.identifier("slot")));
        // Passes the relay's checks, then the engine refuses it (queue smaller than a batch): the source fails
        // on the engine's thread after start, the path that left the process up in the chaos run.
        settings.put("debezium.max.queue.size", "1");
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> relayMain(settings, err));

        await("the relay returns after its source failed").atMost(Duration.ofMinutes(2)).until(exit::isDone);
        assertThat(exit.join()).as(err::toString).isEqualTo(1);
        assertThat(err.toString()).contains("source payment failed");
    }

    private static long confirmedFlush(OutboxDatabase db, String slot) throws Exception {
        return db.queryLong("SELECT confirmed_flush_lsn - '0/0'::pg_lsn FROM pg_replication_slots"
                + " WHERE slot_name = '" + slot + "'");
    }

    private static int relayMain(Map<String, String> settings, StringWriter err) {
        CommandLine main = new CommandLine(new RelayMain(Map.of())).setErr(new PrintWriter(err))
                .setOut(new PrintWriter(new StringWriter()));
        return main.execute(args(settings).toArray(String[]::new));
    }

    private static List<String> args(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        return args;
    }

    private static Map<String, String> settings(KafkaFixture kafka, String prefix) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        settings.put("topic.pattern", prefix + ".{aggregateType}");
        settings.put("offset.topic", prefix + ".offsets");
        settings.put("http.port", "-1");
        settings.put("sources", "payment");
        return settings;
    }
}
