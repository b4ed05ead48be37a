package dev.orderflow.dlq.domain;

import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record read from a dead-letter topic: the original key, value and headers byte for byte, plus the
 * {@code dlq.*} failure headers the consumer runtime added (see {@link DeadLetterHeaders}).
 */
public record DeadLetter(RecordRef ref, Instant timestamp, byte[] key, byte[] value, List<RecordHeader> headers) {

    public DeadLetter {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(timestamp, "timestamp");
        headers = List.copyOf(headers);
    }

    /** The last value of a header as text, as Kafka's {@code lastHeader} would give it. */
    public Optional<String> header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            RecordHeader header = headers.get(i);
            if (header.name().equals(name)) {
                return Optional.ofNullable(header.textValue());
            }
        }
        return Optional.empty();
    }

    /** The record key as text: the order id on every order topic. */
    public Optional<String> keyText() {
        return key == null ? Optional.empty() : Optional.of(new String(key, StandardCharsets.UTF_8));
    }

    public Optional<String> consumerGroup() {
        return header(DeadLetterHeaders.CONSUMER_GROUP);
    }

    public Optional<String> eventId() {
        return header(DeadLetterHeaders.EVENT_ID);
    }

    public Optional<String> exceptionClass() {
        return header(DeadLetterHeaders.EXCEPTION_CLASS);
    }

    public Optional<String> category() {
        return header(DeadLetterHeaders.FAILURE_CATEGORY);
    }

    /** Replays recorded on the record; a value that is not a number is reported, never read as zero. */
    public int replayCount() {
        String text = header(DeadLetterHeaders.REPLAY_COUNT).orElse("0");
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("header " + DeadLetterHeaders.REPLAY_COUNT + " of " + ref
                    + " is not a number: '" + text + "'", e);
        }
    }
}
