package dev.orderflow.runtime.deadletter;

import dev.orderflow.runtime.failure.FailureCategory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record a consumer gives up on, with why: turned into the dead-letter record that keeps the original key, value
 * and headers byte for byte and adds the {@link DeadLetterHeaders} failure headers.
 *
 * @param eventId the event id when the record decoded far enough to know it, else null
 */
public record DeadLetter(String originalTopic, int originalPartition, long originalOffset, long originalTimestamp,
        byte[] key, byte[] value, Headers originalHeaders, String consumerGroup, FailureCategory category,
        Throwable failure, String eventId) {

    public DeadLetter {
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(failure, "failure");
    }

    /** The record to write to {@code topic} at time {@code now}. */
    public ProducerRecord<byte[], byte[]> toRecord(String topic, Instant now) {
        Headers headers = new RecordHeaders(originalHeaders == null ? new org.apache.kafka.common.header.Header[0]
                : originalHeaders.toArray());
        // A replayed record that fails again: count the failure and keep the first time, then replace the rest.
        int attempts = DeadLetterHeaders.text(headers, DeadLetterHeaders.ATTEMPTS).map(DeadLetter::parseIntOrZero)
                .orElse(0) + 1;
        String firstFailure = DeadLetterHeaders.text(headers, DeadLetterHeaders.FIRST_FAILURE).orElse(now.toString());
        DeadLetterHeaders.stripFailure(headers);
        put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, originalTopic);
        put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(originalPartition));
        put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(originalOffset));
        put(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, Instant.ofEpochMilli(originalTimestamp).toString());
        put(headers, DeadLetterHeaders.CONSUMER_GROUP, consumerGroup);
        put(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.getClass().getName());
        put(headers, DeadLetterHeaders.EXCEPTION_MESSAGE,
                truncate(String.valueOf(failure.getMessage()), DeadLetterHeaders.MAX_MESSAGE_CHARS));
        put(headers, DeadLetterHeaders.EXCEPTION_STACKTRACE,
                truncate(stackTrace(failure), DeadLetterHeaders.MAX_STACK_TRACE_CHARS));
        put(headers, DeadLetterHeaders.FAILURE_CATEGORY, category.name());
        put(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        put(headers, DeadLetterHeaders.FIRST_FAILURE, firstFailure);
        put(headers, DeadLetterHeaders.LAST_FAILURE, now.toString());
        if (eventId != null) {
            put(headers, DeadLetterHeaders.EVENT_ID, eventId);
        }
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static void put(Headers headers, String name, String value) {
        DeadLetterHeaders.put(headers, name, value);
    }

    private static int parseIntOrZero(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
