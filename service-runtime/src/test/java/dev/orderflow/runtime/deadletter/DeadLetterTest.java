package dev.orderflow.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.failure.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant FIRST = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2030-01-01T01:00:00Z");

    @Test
    void keepsTheOriginalRecordAndAddsEveryFailureHeader() {
        Headers original = new RecordHeaders().add("id", "e-1".getBytes(StandardCharsets.UTF_8));
        byte[] value = {0, 1, 2, 3};
        ProducerRecord<byte[], byte[]> record = letter(original, value).toRecord("payment-consumer.dlq", FIRST);

        assertThat(record.topic()).isEqualTo("payment-consumer.dlq");
        assertThat(record.key()).isEqualTo("order-1".getBytes(StandardCharsets.UTF_8));
        assertThat(record.value()).isEqualTo(value);
        assertThat(DeadLetterHeaders.text(record.headers(), "id")).contains("e-1");
        for (String header : DeadLetterHeaders.failureHeaders()) {
            if (!header.equals(DeadLetterHeaders.EVENT_ID)) {
                assertThat(DeadLetterHeaders.text(record.headers(), header)).as(header).isPresent();
            }
        }
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ORIGINAL_TOPIC)).contains("order.payment");
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ORIGINAL_OFFSET)).contains("42");
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.FAILURE_CATEGORY)).contains("MALFORMED");
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.EXCEPTION_CLASS))
                .contains(MalformedEventException.class.getName());
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.ATTEMPTS)).contains("1");
        assertThat(DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.EXCEPTION_STACKTRACE).orElseThrow())
                .hasSizeLessThanOrEqualTo(DeadLetterHeaders.MAX_STACK_TRACE_CHARS);
    }

    @Test
    void repeatedFailuresCountUpWithoutGrowingTheHeaders() {
        ProducerRecord<byte[], byte[]> first = letter(new RecordHeaders(), new byte[] {1}).toRecord("t.dlq", FIRST);
        // The replayed record comes back with its dead-letter headers and provenance, and fails again.
        Headers replayed = new RecordHeaders(first.headers().toArray());
        DeadLetterHeaders.put(replayed, DeadLetterHeaders.REPLAY_COUNT, "1");
        ProducerRecord<byte[], byte[]> second = letter(replayed, new byte[] {1}).toRecord("t.dlq", LATER);

        assertThat(second.headers().toArray()).hasSize(first.headers().toArray().length + 1);
        assertThat(Arrays.stream(second.headers().toArray()).map(h -> h.key()).distinct().count())
                .isEqualTo(second.headers().toArray().length);
        assertThat(DeadLetterHeaders.text(second.headers(), DeadLetterHeaders.ATTEMPTS)).contains("2");
        assertThat(DeadLetterHeaders.text(second.headers(), DeadLetterHeaders.FIRST_FAILURE)).contains(FIRST.toString());
        assertThat(DeadLetterHeaders.text(second.headers(), DeadLetterHeaders.LAST_FAILURE)).contains(LATER.toString());
        assertThat(DeadLetterHeaders.replayCount(second.headers())).isEqualTo(1);
    }

    private static DeadLetter letter(Headers headers, byte[] value) {
        return new DeadLetter("order.payment", 3, 42, FIRST.toEpochMilli(), "order-1".getBytes(StandardCharsets.UTF_8),
                value, headers, "payment-consumer", FailureCategory.MALFORMED,
                new MalformedEventException("cannot decode"), null);
    }
}
