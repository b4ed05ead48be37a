package dev.orderflow.dlq.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one DLQ topic at a glance: how many records, in which status, how old, and why they failed.
 *
 * @param oldest timestamp of the oldest record, {@code null} if empty
 * @param newest timestamp of the newest record, {@code null} if empty
 */
public record DlqSummary(String topic, int records, Map<RecordStatus, Integer> byStatus, Instant oldest,
                         Instant newest, Map<String, Integer> byCategory, Map<String, Integer> byException) {

    private static final String UNKNOWN = "(none)";

    public static DlqSummary of(String topic, List<Selected> selection) {
        Map<RecordStatus, Integer> byStatus = new EnumMap<>(RecordStatus.class);
        for (RecordStatus status : RecordStatus.values()) {
            byStatus.put(status, 0);
        }
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> byException = new TreeMap<>();
        Instant oldest = null;
        Instant newest = null;
        for (Selected selected : selection) {
            DeadLetter record = selected.record();
            byStatus.merge(selected.status(), 1, Integer::sum);
            byCategory.merge(record.category().orElse(UNKNOWN), 1, Integer::sum);
            byException.merge(record.exceptionClass().orElse(UNKNOWN), 1, Integer::sum);
            oldest = oldest == null || record.timestamp().isBefore(oldest) ? record.timestamp() : oldest;
            newest = newest == null || record.timestamp().isAfter(newest) ? record.timestamp() : newest;
        }
        return new DlqSummary(topic, selection.size(), byStatus, oldest, newest, byCategory, byException);
    }
}
