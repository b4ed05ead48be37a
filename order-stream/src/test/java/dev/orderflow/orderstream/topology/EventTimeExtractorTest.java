package dev.orderflow.orderstream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.orderstream.testing.AvroEvents;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventTimeExtractorTest {

    private final EventTimeExtractor extractor = new EventTimeExtractor();

    @Test
    void usesTheEventsOccurredAt() {
        Instant start = Instant.parse("2026-11-30T10:00:00Z");
        Object placed = new AvroEvents("o-1", start).placed();

        long time = extractor.extract(new ConsumerRecord<>("t", 0, 0, "o-1", placed), 5L);

        assertThat(time).isEqualTo(start.plusMillis(100).toEpochMilli());
    }

    @Test
    void fallsBackToTheRecordTimestampForOtherValues() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("t", 0, 0, "k", "not an event");

        assertThat(extractor.extract(record, 42L)).isEqualTo(42L);
    }
}
