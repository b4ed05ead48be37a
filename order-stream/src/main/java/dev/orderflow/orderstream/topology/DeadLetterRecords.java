package dev.orderflow.orderstream.topology;

import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import dev.orderflow.runtime.failure.FailureCategory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds the dead letter of a failed input record: its original key, value and headers byte for byte plus the
 * {@code dlq.*} failure headers of {@link DeadLetterHeaders}, replaced (not appended) on a repeated failure.
 */
final class DeadLetterRecords {

    private final String topic;
    private final String consumer;
    private final Clock clock;

    DeadLetterRecords(String topic, String consumer, Clock clock) {
        this.topic = topic;
        this.consumer = consumer;
        this.clock = clock;
    }

    ProducerRecord<byte[], byte[]> of(ErrorHandlerContext context, byte[] key, byte[] value, Exception failure,
                                      FailureCategory category) {
        Headers headers = new RecordHeaders(context.headers() == null ? new RecordHeaders().toArray()
                : context.headers().toArray());
        String now = Instant.now(clock).toString();
        int attempts = DeadLetterHeaders.text(headers, DeadLetterHeaders.ATTEMPTS).map(Integer::parseInt).orElse(0) + 1;
        String first = DeadLetterHeaders.text(headers, DeadLetterHeaders.FIRST_FAILURE).orElse(now);
        DeadLetterHeaders.stripFailure(headers);
        DeadLetterHeaders.put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, context.topic());
        DeadLetterHeaders.put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(context.partition()));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(context.offset()));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP,
                Instant.ofEpochMilli(context.timestamp()).toString());
        DeadLetterHeaders.put(headers, DeadLetterHeaders.CONSUMER_GROUP, consumer);
        DeadLetterHeaders.put(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.getClass().getName());
        DeadLetterHeaders.put(headers, DeadLetterHeaders.EXCEPTION_MESSAGE,
                truncate(messageChain(failure), DeadLetterHeaders.MAX_MESSAGE_CHARS));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.EXCEPTION_STACKTRACE,
                truncate(stackTrace(failure), DeadLetterHeaders.MAX_STACK_TRACE_CHARS));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.FAILURE_CATEGORY, category.name());
        DeadLetterHeaders.put(headers, DeadLetterHeaders.ATTEMPTS, String.valueOf(attempts));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.FIRST_FAILURE, first);
        DeadLetterHeaders.put(headers, DeadLetterHeaders.LAST_FAILURE, now);
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    /** The messages of the cause chain: a serde's wrapper message alone rarely says what was wrong. */
    private static String messageChain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < DeadLetterHeaders.MAX_MESSAGE_CHARS; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
