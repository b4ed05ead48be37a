package dev.orderflow.dlq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordFilterTest {

    private final DeadLetter record = Samples.deadLetter("payment-consumer.dlq", 1, 42, "o-42", Map.of());

    @Test
    void anEmptyFilterMatchesEverything() {
        assertThat(RecordFilter.ALL.matches(record, RecordStatus.OPEN)).isTrue();
    }

    @Test
    void eachCriterionNarrows() {
        assertThat(filter(1, "40..45", null, null, null, null).matches(record, RecordStatus.OPEN)).isTrue();
        assertThat(filter(0, null, null, null, null, null).matches(record, RecordStatus.OPEN)).isFalse();
        assertThat(filter(null, "43..", null, null, null, null).matches(record, RecordStatus.OPEN)).isFalse();
        assertThat(filter(null, null, "ev-42", "o-42", null, null).matches(record, RecordStatus.OPEN)).isTrue();
        assertThat(filter(null, null, "ev-41", null, null, null).matches(record, RecordStatus.OPEN)).isFalse();
        assertThat(filter(null, null, null, "o-1", null, null).matches(record, RecordStatus.OPEN)).isFalse();
    }

    @Test
    void exceptionMatchesFullOrSimpleNameAndCategoryIgnoresCase() {
        assertThat(filter(null, null, null, null, "SocketTimeoutException", "transient")
                .matches(record, RecordStatus.OPEN)).isTrue();
        assertThat(filter(null, null, null, null, "java.net.SocketTimeoutException", null)
                .matches(record, RecordStatus.OPEN)).isTrue();
        assertThat(filter(null, null, null, null, "TimeoutException", null)
                .matches(record, RecordStatus.OPEN)).isFalse();
        assertThat(filter(null, null, null, null, null, "MALFORMED").matches(record, RecordStatus.OPEN)).isFalse();
    }

    @Test
    void timeWindowAndStatus() {
        RecordFilter window = new RecordFilter(null, null, new TimeWindow(Samples.T0.plusSeconds(43), null),
                null, null, null, null, null);
        assertThat(window.matches(record, RecordStatus.OPEN)).isFalse();
        RecordFilter open = RecordFilter.ALL.withStatuses(Set.of(RecordStatus.OPEN));
        assertThat(open.matches(record, RecordStatus.OPEN)).isTrue();
        assertThat(open.matches(record, RecordStatus.REPLAYED)).isFalse();
    }

    private static RecordFilter filter(Integer partition, String offsets, String eventId, String orderId,
                                       String exception, String category) {
        return new RecordFilter(partition, offsets == null ? null : OffsetRange.parse(offsets), null, eventId,
                orderId, exception, category, null);
    }
}
