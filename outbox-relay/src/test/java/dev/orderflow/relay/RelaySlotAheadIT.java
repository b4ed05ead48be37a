package dev.orderflow.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The relay's slot confirmed past the relay's stored position while nothing of the source's outbox lay between
 * them, as the driver's keepalive flush does while other databases of the cluster write WAL (the chaos run's
 * restart failure, docs/chaos.md).
 */
@ExtendWith(RealInfrastructure.class)
class RelaySlotAheadIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(90);

    @Test
    @Disabled("open: offset.mismatch.strategy=trust_greater_lsn passed this test but made a killed relay fail at"
            + " restart in ServiceRestartIT (\"Cannot seek to the last known offset ... cannot advance replication"
            + " slot to X, minimum is Y\"), so it was taken out; see docs/outbox-relay.md")
    void aRestartWithTheSlotAheadOfTheStoredPositionStreamsAndLosesNothing(KafkaFixture kafka,
                                                                          PostgresFixture postgres) throws Exception {
        Fixture f = slotAheadOfStoredPosition(kafka, postgres, "relay_ahead");
        try (OutboxRelay relay = OutboxRelay.start(new RelayConfig(f.settings), new SimpleMeterRegistry());
             TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")), List.of(f.topic))) {
            assertThat(relay.awaitStreaming(ARRIVAL)).as("streams from the slot's position").isTrue();
            f.db.commit(List.of(f.events.next("order.payment", "o2")));
            await().atMost(ARRIVAL).until(() -> reader.poll() >= 2);
            assertThat(reader.records().stream().map(r -> OutboxRelayIT.header(r, "id")).distinct().count())
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
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        StringWriter err = new StringWriter();
        CommandLine main = new CommandLine(new RelayMain(Map.of())).setErr(new PrintWriter(err))
                .setOut(new PrintWriter(new StringWriter()));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> main.execute(args.toArray(String[]::new)));

        await("the relay returns after its source failed").atMost(Duration.ofMinutes(2)).until(exit::isDone);
        assertThat(exit.join()).as(err::toString).isEqualTo(1);
        assertThat(err.toString()).contains("source payment failed");
    }

    private record Fixture(OutboxDatabase db, Map<String, String> settings, String topic, TestEvents events) {
    }

    /** One event published and its position stored; then the slot confirms beyond it, past WAL of other tables. */
    private static Fixture slotAheadOfStoredPosition(KafkaFixture kafka, PostgresFixture postgres, String name)
            throws Exception {
        OutboxDatabase db = OutboxDatabase.create(postgres, name);
        String prefix = UniqueNames.of(name.replace('_', '-'));
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
        // WAL the relay does not read (other tables; on the platform, the other databases of the cluster), then
        // the slot confirms all of it, as the driver's keepalive flush does for an idle source.
        db.execute("CREATE TABLE noise (id bigserial PRIMARY KEY, filler text)");
        db.execute("INSERT INTO noise (filler) SELECT repeat('x', 100) FROM generate_series(1, 2000)");
        db.execute("CHECKPOINT");
        db.execute("SELECT pg_replication_slot_advance('" + slot + "', pg_current_wal_lsn())");
        db.execute("CHECKPOINT");
        db.execute("SELECT pg_replication_slot_advance('" + slot + "', pg_current_wal_lsn())");
        return new Fixture(db, settings, topic, events);
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
