package dev.orderflow.dlq.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Which dead letters a command works on. Every criterion is optional ({@code null} or empty matches all); all
 * given criteria must match.
 *
 * @param partition      only this partition of the DLQ
 * @param offsets        only offsets in this range
 * @param window         only records dead-lettered in this window (record timestamp)
 * @param eventId        only the record with this event id ({@code dlq.event.id})
 * @param orderId        only records of this order (the record key)
 * @param exceptionClass exception class, full name or simple name ({@code dlq.exception.class})
 * @param category       failure category name ({@code dlq.failure.category}), case-insensitive
 * @param statuses       only records in these statuses
 */
public record RecordFilter(Integer partition, OffsetRange offsets, TimeWindow window, String eventId, String orderId,
                           String exceptionClass, String category, Set<RecordStatus> statuses) {

    public static final RecordFilter ALL = new RecordFilter(null, null, null, null, null, null, null, Set.of());

    public RecordFilter {
        offsets = offsets == null ? OffsetRange.ALL : offsets;
        window = window == null ? TimeWindow.ALL : window;
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("Invalid partition " + partition + ": partitions start at 0");
        }
    }

    public RecordFilter withStatuses(Set<RecordStatus> only) {
        return new RecordFilter(partition, offsets, window, eventId, orderId, exceptionClass, category, only);
    }

    /** Whether the record's position passes; lets the reader skip whole partitions and offset ranges. */
    public boolean matchesPosition(int recordPartition, long offset) {
        return (partition == null || partition == recordPartition) && offsets.contains(offset);
    }

    public boolean matches(DeadLetter record, RecordStatus status) {
        return matchesPosition(record.ref().partition(), record.ref().offset())
                && window.contains(record.timestamp())
                && (eventId == null || eventId.equals(record.eventId().orElse(null)))
                && (orderId == null || orderId.equals(record.keyText().orElse(null)))
                && (exceptionClass == null || exceptionMatches(record.exceptionClass().orElse("")))
                && (category == null || category.equalsIgnoreCase(record.category().orElse("")))
                && (statuses.isEmpty() || statuses.contains(status));
    }

    private boolean exceptionMatches(String recorded) {
        return recorded.equals(exceptionClass) || recorded.endsWith("." + exceptionClass)
                || recorded.toLowerCase(Locale.ROOT).equals(exceptionClass.toLowerCase(Locale.ROOT));
    }
}
