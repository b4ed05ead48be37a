package dev.orderflow.dlq.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.dlq.CliRun;
import dev.orderflow.dlq.OpsException;
import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealInfrastructure.class)
class DlqReplayIT {

    private OpsFixture ops;

    @BeforeEach
    void setUp(KafkaFixture kafka, SchemaRegistryFixture registry) {
        ops = new OpsFixture(kafka, registry);
    }

    @Test
    void replayLandsOnTheConsumersReplayTopicWithProvenanceAndIntactBytes() {
        List<DeadLetters.Seeded> seeded = ops.deadLetters.seed(ops.consumer, 3, FailureCategory.TRANSIENT,
                "java.net.SocketTimeoutException", true);

        CliRun run = ops.run("dlq", "replay", "-t", ops.dlq, "--category", "TRANSIENT", "--reason", "gateway back");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("replayed 3 records of " + ops.dlq);
        List<ConsumerRecord<byte[], byte[]>> replayed = TopicRecords.readAll(ops.kafka, ops.replay);
        assertThat(replayed).hasSize(3);
        for (ConsumerRecord<byte[], byte[]> record : replayed) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            DeadLetters.Seeded original = seeded.stream().filter(s -> s.orderId().equals(key)).findFirst().orElseThrow();
            assertThat(record.value()).isEqualTo(original.value());
            assertThat(TopicRecords.header(record, DeadLetterHeaders.REPLAYED_BY)).isEqualTo("alice");
            assertThat(TopicRecords.header(record, DeadLetterHeaders.REPLAY_REASON)).isEqualTo("gateway back");
            assertThat(TopicRecords.header(record, DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("1");
            assertThat(TopicRecords.header(record, DeadLetterHeaders.REPLAY_SOURCE_TOPIC)).isEqualTo(ops.dlq);
            assertThat(TopicRecords.header(record, DeadLetterHeaders.REPLAY_SOURCE_OFFSET)).isNotNull();
            assertThat(TopicRecords.header(record, DeadLetterHeaders.REPLAYED_AT)).isNotNull();
            assertThat(TopicRecords.header(record, "traceparent")).startsWith("00-trace-");
            assertThat(TopicRecords.header(record, DeadLetterHeaders.EVENT_ID)).isEqualTo(original.eventId());
        }

        CliRun again = ops.run("dlq", "replay", "-t", ops.dlq, "--category", "TRANSIENT", "--reason", "again");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("nothing to replay").contains("3 already replayed");
        assertThat(TopicRecords.readAll(ops.kafka, ops.replay)).hasSize(3);

        CliRun show = ops.run("dlq", "show", "-t", ops.dlq, "--status", "REPLAYED", "--format", "jsonl");
        assertThat(show.out().lines()).hasSize(3).allMatch(l -> l.contains("\"reason\":\"gateway back\""));
        CliRun audit = ops.run("audit", "--action", "REPLAY", "--format", "jsonl");
        assertThat(audit.out().lines()).hasSize(3).allMatch(l -> l.contains("\"operator\":\"alice\""));
    }

    @Test
    void anInterruptedReplayResumesWithoutDuplicates() {
        ops.deadLetters.seed(ops.consumer, 5, FailureCategory.TRANSIENT, "java.io.IOException", false);

        CliRun limited = ops.run("dlq", "replay", "-t", ops.dlq, "--limit", "2", "--reason", "first two");
        assertThat(limited.exitCode()).as(limited.toString()).isZero();
        assertThat(limited.out()).contains("3 left for a later run");
        assertThat(TopicRecords.readAll(ops.kafka, ops.replay)).hasSize(2);

        // The process dies after its first committed batch (a fault between records).
        CliRun interrupted = ops.run(ops.context().withReplayProgress((done, total) -> {
            throw OpsException.failed("simulated crash", null);
        }), "dlq", "replay", "-t", ops.dlq, "--batch-size", "1", "--reason", "resume");
        assertThat(interrupted.exitCode()).as(interrupted.toString()).isEqualTo(1);
        assertThat(interrupted.err()).contains("replayed 1 of 3").contains("Rerun the same command");
        assertThat(TopicRecords.readAll(ops.kafka, ops.replay)).hasSize(3);

        CliRun resumed = ops.run("dlq", "replay", "-t", ops.dlq, "--batch-size", "1", "--reason", "resume");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("replayed 2 records").contains("3 already replayed");

        List<ConsumerRecord<byte[], byte[]>> replayed = TopicRecords.readAll(ops.kafka, ops.replay);
        assertThat(replayed).hasSize(5);
        assertThat(replayed.stream().map(r -> TopicRecords.header(r, DeadLetterHeaders.REPLAY_SOURCE_PARTITION) + "@"
                + TopicRecords.header(r, DeadLetterHeaders.REPLAY_SOURCE_OFFSET))).doesNotHaveDuplicates();
    }

    @Test
    void theReplayCountGuardAndTheOriginCheckRefuseAndSendNothing() {
        ops.deadLetters.seed(ops.consumer, 2, FailureCategory.TRANSIENT, "java.io.IOException", false,
                Map.of(DeadLetterHeaders.REPLAY_COUNT, "3"));

        CliRun guarded = ops.run("dlq", "replay", "-t", ops.dlq, "--reason", "loop?");
        assertThat(guarded.exitCode()).as(guarded.toString()).isEqualTo(5);
        assertThat(guarded.err()).contains("already replayed 3 times (limit 3)").contains("nothing sent");

        CliRun elsewhere = ops.run("dlq", "replay", "-t", ops.dlq, "--max-replays", "5", "--to", "other.replay",
                "--reason", "wrong place");
        assertThat(elsewhere.exitCode()).as(elsewhere.toString()).isEqualTo(5);
        assertThat(elsewhere.err()).contains("does not match the recorded origin");

        assertThat(TopicRecords.readAll(ops.kafka, ops.replay)).isEmpty();
        assertThat(ops.run("audit", "--format", "jsonl").out()).isBlank();

        CliRun raised = ops.run("dlq", "replay", "-t", ops.dlq, "--max-replays", "5", "--to", ops.replay,
                "--reason", "fixed the cause");
        assertThat(raised.exitCode()).as(raised.toString()).isZero();
        assertThat(TopicRecords.readAll(ops.kafka, ops.replay))
                .allMatch(r -> "4".equals(TopicRecords.header(r, DeadLetterHeaders.REPLAY_COUNT)));
    }

    @Test
    void aLargeSelectionIsADryRunThatShowsExactlyWhatWouldBeSent() {
        ops.deadLetters.seed(ops.consumer, 3, FailureCategory.TRANSIENT, "java.io.IOException", false);

        CliRun dry = ops.run("dlq", "replay", "-t", ops.dlq, "--set", "confirm.above=2", "--reason", "big one");

        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("dry run (more than 2 records selected; add --execute")
                .contains("-> " + ops.replay).contains("replay.by=alice").contains("replay.count=1");
        assertThat(TopicRecords.readAll(ops.kafka, ops.replay)).isEmpty();

        CliRun explicit = ops.run("dlq", "replay", "-t", ops.dlq, "--dry-run", "--reason", "look");
        assertThat(explicit.out()).contains("dry run (--dry-run)");
        assertThat(TopicRecords.readAll(ops.kafka, ops.replay)).isEmpty();

        CliRun executed = ops.run("dlq", "replay", "-t", ops.dlq, "--set", "confirm.above=2", "--execute",
                "--rate", "50", "--reason", "big one");
        assertThat(executed.exitCode()).as(executed.toString()).isZero();
        assertThat(TopicRecords.readAll(ops.kafka, ops.replay)).hasSize(3);
    }

    @Test
    void discardNeedsAReasonAndIsAudited() {
        ops.deadLetters.seed(ops.consumer, 1, FailureCategory.TRANSIENT, "java.io.IOException", true);

        CliRun missing = ops.run("dlq", "discard", "-t", ops.dlq, "--order-id", "o-poison");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required option").contains("--reason").hasLineCount(1);
        CliRun blank = ops.run("dlq", "discard", "-t", ops.dlq, "--order-id", "o-poison", "--reason", " ");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("--reason must not be blank");

        CliRun discard = ops.run("dlq", "discard", "-t", ops.dlq, "--order-id", "o-poison", "--operator", "bob",
                "--reason", "garbage from a test shop");
        assertThat(discard.exitCode()).as(discard.toString()).isZero();
        assertThat(discard.out()).contains("discarded 1 records");

        CliRun list = ops.run("dlq", "show", "-t", ops.dlq, "--status", "DISCARDED", "--format", "jsonl");
        assertThat(list.out().lines()).singleElement().asString().contains("o-poison");
        CliRun replay = ops.run("dlq", "replay", "-t", ops.dlq, "--reason", "the rest");
        assertThat(replay.out()).contains("replayed 1 records").contains("1 already discarded");
        CliRun audit = ops.run("audit", "--operator", "bob");
        assertThat(audit.out()).contains("DISCARD").contains("garbage from a test shop").contains("1 entries");
    }

    @Test
    void replayIntoAMissingReplayTopicIsNotFound(KafkaFixture kafka, SchemaRegistryFixture registry) {
        OpsFixture lonely = new OpsFixture(kafka, registry);
        kafka.admin().deleteTopics(List.of(lonely.replay));
        lonely.deadLetters.seed(lonely.consumer, 1, FailureCategory.TRANSIENT, "java.io.IOException", false);
        org.awaitility.Awaitility.await("replay topic deleted").until(() ->
                !kafka.admin().listTopics().names().get().contains(lonely.replay));

        CliRun run = lonely.run("dlq", "replay", "-t", lonely.dlq, "--reason", "x");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains(lonely.replay).contains("must exist");
    }
}
