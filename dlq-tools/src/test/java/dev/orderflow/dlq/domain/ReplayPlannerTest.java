package dev.orderflow.dlq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReplayPlannerTest {

    private static final String DLQ = "payment-consumer.dlq";

    @Test
    void sendsOpenRecordsToTheOriginsReplayTopicWithProvenanceAndOriginalHeaders() {
        DeadLetter record = Samples.deadLetter(7);

        ReplayPlan plan = ReplayPlanner.plan(List.of(open(record)), request(null, 3, 100));

        assertThat(plan.items()).singleElement().satisfies(item -> {
            assertThat(item.destination()).isEqualTo("payment-consumer.replay");
            assertThat(item.key()).isSameAs(record.key());
            assertThat(item.value()).isSameAs(record.value());
            Map<String, String> headers = item.headers().stream()
                    .collect(Collectors.toMap(RecordHeader::name, RecordHeader::textValue));
            assertThat(headers).containsEntry("traceparent", "00-abc")
                    .containsEntry(DeadLetterHeaders.CONSUMER_GROUP, "payment-consumer")
                    .containsEntry(DeadLetterHeaders.REPLAYED_BY, "alice")
                    .containsEntry(DeadLetterHeaders.REPLAYED_AT, Samples.T0.toString())
                    .containsEntry(DeadLetterHeaders.REPLAY_REASON, "fixed")
                    .containsEntry(DeadLetterHeaders.REPLAY_SOURCE_TOPIC, DLQ)
                    .containsEntry(DeadLetterHeaders.REPLAY_SOURCE_PARTITION, "0")
                    .containsEntry(DeadLetterHeaders.REPLAY_SOURCE_OFFSET, "7")
                    .containsEntry(DeadLetterHeaders.REPLAY_COUNT, "1");
        });
    }

    @Test
    void anEarlierReplaysProvenanceIsReplacedNotAppended() {
        DeadLetter record = Samples.deadLetter(DLQ, 0, 1, "o-1", Map.of(DeadLetterHeaders.REPLAY_COUNT, "1",
                DeadLetterHeaders.REPLAYED_BY, "bob"));

        ReplayItem item = ReplayPlanner.plan(List.of(open(record)), request(null, 3, 100)).items().get(0);

        assertThat(item.headers().stream().filter(h -> h.name().equals(DeadLetterHeaders.REPLAYED_BY))).hasSize(1);
        assertThat(item.headers().stream().filter(h -> h.name().equals(DeadLetterHeaders.REPLAY_COUNT))
                .map(RecordHeader::textValue)).containsExactly("2");
    }

    @Test
    void skipsResolvedRecordsAndDefersBeyondTheLimitInOffsetOrder() {
        List<Selected> selection = List.of(open(Samples.deadLetter(5)), open(Samples.deadLetter(3)),
                new Selected(Samples.deadLetter(1), RecordStatus.REPLAYED, null),
                new Selected(Samples.deadLetter(2), RecordStatus.DISCARDED, null), open(Samples.deadLetter(4)));

        ReplayPlan plan = ReplayPlanner.plan(selection, request(null, 3, 2));

        assertThat(plan.items()).extracting(i -> i.source().ref().offset()).containsExactly(3L, 4L);
        assertThat(plan.deferred()).isEqualTo(1);
        assertThat(plan.alreadyResolved()).containsEntry(RecordStatus.REPLAYED, 1)
                .containsEntry(RecordStatus.DISCARDED, 1);
    }

    @Test
    void theReplayCountGuardRefuses() {
        DeadLetter looping = Samples.deadLetter(DLQ, 0, 1, "o-1", Map.of(DeadLetterHeaders.REPLAY_COUNT, "3"));
        DeadLetter garbled = Samples.deadLetter(DLQ, 0, 2, "o-2", Map.of(DeadLetterHeaders.REPLAY_COUNT, "x"));

        ReplayPlan plan = ReplayPlanner.plan(List.of(open(looping), open(garbled)), request(null, 3, 100));

        assertThat(plan.items()).isEmpty();
        assertThat(plan.refusals()).extracting(Refusal::reason)
                .anySatisfy(r -> assertThat(r).contains("already replayed 3 times (limit 3)"))
                .anySatisfy(r -> assertThat(r).contains("is not a number"));
    }

    @Test
    void refusesADestinationOtherThanTheRecordedOrigin() {
        ReplayPlan plan = ReplayPlanner.plan(List.of(open(Samples.deadLetter(1))),
                request("inventory-consumer.replay", 3, 100));

        assertThat(plan.refusals()).singleElement().extracting(Refusal::reason).asString()
                .contains("does not match the recorded origin").contains("payment-consumer.replay");
        assertThat(ReplayPlanner.plan(List.of(open(Samples.deadLetter(1))), request("payment-consumer.replay", 3, 100))
                .items()).hasSize(1);
    }

    @Test
    void refusesRecordsWithoutOrWithAForeignConsumer() {
        DeadLetter foreign = Samples.deadLetter("inventory-consumer.dlq", 0, 1, "o-1", Map.of());
        DeadLetter anonymous = new DeadLetter(new RecordRef(DLQ, 0, 2), Samples.T0, null, null, List.of());

        ReplayPlan plan = ReplayPlanner.plan(List.of(open(foreign), open(anonymous)), request(null, 3, 100));

        assertThat(plan.refusals()).extracting(Refusal::reason)
                .anySatisfy(r -> assertThat(r).contains("does not own inventory-consumer.dlq"))
                .anySatisfy(r -> assertThat(r).contains("no dlq.consumer.group header"));
    }

    private static Selected open(DeadLetter record) {
        return new Selected(record, RecordStatus.OPEN, null);
    }

    private static ReplayRequest request(String destination, int maxReplays, int limit) {
        return new ReplayRequest("alice", "fixed", Samples.T0, "job-1", destination, maxReplays, limit);
    }
}
