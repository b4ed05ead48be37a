package dev.orderflow.dlq.domain;

import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Dead letters built in memory for unit tests. */
public final class Samples {

    public static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private Samples() {
    }

    public static DeadLetter deadLetter(String topic, int partition, long offset, String key, Map<String, String> extra) {
        List<RecordHeader> headers = new ArrayList<>();
        headers.add(RecordHeader.text("traceparent", "00-abc"));
        headers.add(RecordHeader.text(DeadLetterHeaders.CONSUMER_GROUP, "payment-consumer"));
        headers.add(RecordHeader.text(DeadLetterHeaders.EXCEPTION_CLASS, "java.net.SocketTimeoutException"));
        headers.add(RecordHeader.text(DeadLetterHeaders.FAILURE_CATEGORY, "TRANSIENT"));
        headers.add(RecordHeader.text(DeadLetterHeaders.EVENT_ID, "ev-" + offset));
        extra.forEach((k, v) -> headers.add(RecordHeader.text(k, v)));
        return new DeadLetter(new RecordRef(topic, partition, offset), T0.plusSeconds(offset),
                key.getBytes(StandardCharsets.UTF_8), new byte[]{0, 0, 0, 0, 1, 2, 3}, headers);
    }

    public static DeadLetter deadLetter(long offset) {
        return deadLetter("payment-consumer.dlq", 0, offset, "o-" + offset, Map.of());
    }
}
