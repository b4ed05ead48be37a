package dev.orderflow.dlq.domain;

import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import dev.orderflow.runtime.kafka.OrderTopics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a replay sends, without sending anything. A record goes back only to the replay topic of the
 * consumer that dead-lettered it, and only while it is open and under the replay-count guard; everything else is
 * reported, so a dry run shows the exact outcome.
 */
public final class ReplayPlanner {

    private ReplayPlanner() {
    }

    public static ReplayPlan plan(List<Selected> selection, ReplayRequest request) {
        List<ReplayItem> items = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        Map<RecordStatus, Integer> resolved = new EnumMap<>(RecordStatus.class);
        int deferred = 0;
        List<Selected> ordered = selection.stream()
                .sorted(Comparator.comparing((Selected s) -> s.record().ref())).toList();
        for (Selected selected : ordered) {
            if (selected.status() != RecordStatus.OPEN) {
                resolved.merge(selected.status(), 1, Integer::sum);
                continue;
            }
            Optional<String> refusal = refusal(selected.record(), request);
            if (refusal.isPresent()) {
                refusals.add(new Refusal(selected.record().ref(), refusal.get()));
            } else if (items.size() >= request.limit()) {
                deferred++;
            } else {
                items.add(item(selected.record(), request));
            }
        }
        return new ReplayPlan(items, refusals, resolved, deferred);
    }

    /** The replay topic a dead letter belongs to: that of the consumer recorded in its headers. */
    public static Optional<String> origin(DeadLetter record) {
        return record.consumerGroup().filter(g -> !g.isBlank()).map(OrderTopics::replay);
    }

    private static Optional<String> refusal(DeadLetter record, ReplayRequest request) {
        Optional<String> consumer = record.consumerGroup().filter(g -> !g.isBlank());
        if (consumer.isEmpty()) {
            return Optional.of("no " + DeadLetterHeaders.CONSUMER_GROUP + " header: the consumer it came from is "
                    + "unknown, so there is no safe destination");
        }
        String owner = OrderTopics.consumerOfDeadLetter(record.ref().topic());
        if (owner != null && !owner.equals(consumer.get())) {
            return Optional.of("recorded consumer " + consumer.get() + " does not own " + record.ref().topic());
        }
        String origin = OrderTopics.replay(consumer.get());
        if (request.destination() != null && !request.destination().equals(origin)) {
            return Optional.of("destination " + request.destination() + " does not match the recorded origin: "
                    + "records of " + consumer.get() + " replay only to " + origin);
        }
        int count;
        try {
            count = record.replayCount();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
        if (count >= request.maxReplays()) {
            return Optional.of("already replayed " + count + " times (limit " + request.maxReplays()
                    + "): it keeps failing, so fix the cause or discard it");
        }
        return Optional.empty();
    }

    private static ReplayItem item(DeadLetter record, ReplayRequest request) {
        int count = record.replayCount() + 1;
        List<RecordHeader> headers = new ArrayList<>();
        for (RecordHeader header : record.headers()) {
            // Provenance of an earlier replay is replaced, not appended to, so the headers never grow.
            if (!header.name().startsWith(DeadLetterHeaders.REPLAY_PREFIX)) {
                headers.add(header);
            }
        }
        headers.add(RecordHeader.text(DeadLetterHeaders.REPLAYED_BY, request.operator()));
        headers.add(RecordHeader.text(DeadLetterHeaders.REPLAYED_AT, request.at().toString()));
        headers.add(RecordHeader.text(DeadLetterHeaders.REPLAY_REASON, request.reason()));
        headers.add(RecordHeader.text(DeadLetterHeaders.REPLAY_SOURCE_TOPIC, record.ref().topic()));
        headers.add(RecordHeader.text(DeadLetterHeaders.REPLAY_SOURCE_PARTITION,
                Integer.toString(record.ref().partition())));
        headers.add(RecordHeader.text(DeadLetterHeaders.REPLAY_SOURCE_OFFSET, Long.toString(record.ref().offset())));
        headers.add(RecordHeader.text(DeadLetterHeaders.REPLAY_COUNT, Integer.toString(count)));
        return new ReplayItem(record, origin(record).orElseThrow(), headers, count);
    }
}
