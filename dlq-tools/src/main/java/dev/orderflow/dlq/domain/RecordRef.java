package dev.orderflow.dlq.domain;

import java.util.Comparator;
import java.util.Objects;

/** Where a dead letter sits: its DLQ topic, partition and offset. The identity statuses are kept under. */
public record RecordRef(String topic, int partition, long offset) implements Comparable<RecordRef> {

    private static final Comparator<RecordRef> ORDER = Comparator.comparing(RecordRef::topic)
            .thenComparingInt(RecordRef::partition).thenComparingLong(RecordRef::offset);

    public RecordRef {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public int compareTo(RecordRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
