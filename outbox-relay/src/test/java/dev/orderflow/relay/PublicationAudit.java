package dev.orderflow.relay;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Compares what was committed with what arrived: lost events fail a test, duplicates are counted. */
record PublicationAudit(int committed, int arrived, int distinct, int lost, int duplicates) {

    static PublicationAudit of(Collection<UUID> committedIds, List<ConsumerRecord<byte[], byte[]>> records) {
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            seen.add(OutboxRelayIT.header(r, "id"));
        }
        int lost = (int) committedIds.stream().filter(id -> !seen.contains(id.toString())).count();
        return new PublicationAudit(committedIds.size(), records.size(), seen.size(), lost,
                records.size() - seen.size());
    }

    @Override
    public String toString() {
        return "committed=" + committed + " arrived=" + arrived + " distinct=" + distinct + " lost=" + lost
                + " duplicates=" + duplicates;
    }
}
