package dev.orderflow.runtime.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The header contract of dead-letter and replay records, shared by the consumer runtime (which writes dead letters
 * and reads replays) and dlq-tools (which reads dead letters and writes replays). Values are UTF-8 text; instants
 * are ISO-8601 ({@link java.time.Instant#toString()}).
 *
 * <p>A dead letter keeps the original record's key, value and headers byte for byte and adds the {@code dlq.*}
 * headers. When a replayed record fails again, the old {@code dlq.*} headers are replaced, not appended to, so the
 * headers never grow; {@code dlq.attempts} counts the failures and {@code dlq.first.failure} keeps the first one.
 * The {@code replay.*} headers record the latest replay's provenance and {@code replay.count} how many replays the
 * record has been through.
 */
public final class DeadLetterHeaders {

    /** Prefix of every failure header; {@link #stripFailure(Headers)} removes all of them. */
    public static final String FAILURE_PREFIX = "dlq.";
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    /** The original record's timestamp (ISO-8601). */
    public static final String ORIGINAL_TIMESTAMP = "dlq.original.timestamp";
    /** The consumer group (= consumer name) that gave up on the record; its replay topic is the way back. */
    public static final String CONSUMER_GROUP = "dlq.consumer.group";
    public static final String EXCEPTION_CLASS = "dlq.exception.class";
    public static final String EXCEPTION_MESSAGE = "dlq.exception.message";
    /** Stack trace truncated to {@link #MAX_STACK_TRACE_CHARS}. */
    public static final String EXCEPTION_STACKTRACE = "dlq.exception.stacktrace";
    /** A {@link dev.orderflow.runtime.failure.FailureCategory} name. */
    public static final String FAILURE_CATEGORY = "dlq.failure.category";
    /** How many times this record has been dead-lettered (1 on the first failure, +1 per failed replay). */
    public static final String ATTEMPTS = "dlq.attempts";
    public static final String FIRST_FAILURE = "dlq.first.failure";
    public static final String LAST_FAILURE = "dlq.last.failure";
    /** The event id, when the record could be decoded far enough to know it (lets operators search by it). */
    public static final String EVENT_ID = "dlq.event.id";

    public static final String REPLAY_PREFIX = "replay.";
    public static final String REPLAYED_BY = "replay.by";
    public static final String REPLAYED_AT = "replay.at";
    public static final String REPLAY_REASON = "replay.reason";
    public static final String REPLAY_SOURCE_TOPIC = "replay.source.topic";
    public static final String REPLAY_SOURCE_PARTITION = "replay.source.partition";
    public static final String REPLAY_SOURCE_OFFSET = "replay.source.offset";
    public static final String REPLAY_COUNT = "replay.count";

    public static final int MAX_STACK_TRACE_CHARS = 4000;
    public static final int MAX_MESSAGE_CHARS = 1000;

    private static final List<String> FAILURE_HEADERS = List.of(ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET,
            ORIGINAL_TIMESTAMP, CONSUMER_GROUP, EXCEPTION_CLASS, EXCEPTION_MESSAGE, EXCEPTION_STACKTRACE,
            FAILURE_CATEGORY, ATTEMPTS, FIRST_FAILURE, LAST_FAILURE, EVENT_ID);

    private DeadLetterHeaders() {
    }

    /** Every {@code dlq.*} header name, in the order they are written. */
    public static List<String> failureHeaders() {
        return FAILURE_HEADERS;
    }

    /** The last value of a header as text, if present. */
    public static Optional<String> text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Replaces every value of the header with this one. */
    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Removes every {@code dlq.*} header, leaving the original record's headers and the replay provenance. */
    public static void stripFailure(Headers headers) {
        for (Header header : headers.toArray()) {
            if (header.key().startsWith(FAILURE_PREFIX)) {
                headers.remove(header.key());
            }
        }
    }

    /** Replay count recorded on the record, 0 if it was never replayed. */
    public static int replayCount(Headers headers) {
        return text(headers, REPLAY_COUNT).map(Integer::parseInt).orElse(0);
    }
}
