package dev.orderflow.dlq.domain;

import java.util.List;

/**
 * Exactly what one replay sends: the original key and value bytes, the original headers (including the
 * {@code dlq.*} ones, so a renewed failure keeps its first-failure time and attempt count) and the {@code replay.*}
 * provenance headers, to the replay topic of the consumer that gave up on the record.
 */
public record ReplayItem(DeadLetter source, String destination, List<RecordHeader> headers, int replayCount) {

    public ReplayItem {
        headers = List.copyOf(headers);
    }

    public byte[] key() {
        return source.key();
    }

    public byte[] value() {
        return source.value();
    }
}
