package dev.orderflow.dlq.kafka;

import dev.orderflow.dlq.domain.DeadLetter;
import dev.orderflow.dlq.domain.RecordFilter;
import dev.orderflow.dlq.domain.Selected;
import dev.orderflow.dlq.domain.StatusBook;
import java.util.ArrayList;
import java.util.List;

/** Selects dead letters of a DLQ with their statuses from the audit log, applying every filter criterion. */
public final class DeadLetterQuery {

    private final DeadLetterReader reader;
    private final AuditLog audit;

    public DeadLetterQuery(KafkaAccess kafka) {
        this.reader = new DeadLetterReader(kafka);
        this.audit = new AuditLog(kafka);
    }

    public DeadLetterReader reader() {
        return reader;
    }

    public AuditLog audit() {
        return audit;
    }

    public List<Selected> select(String topic, RecordFilter filter, List<String> warnings) {
        List<DeadLetter> records = reader.read(topic, filter);
        StatusBook statuses = audit.statuses(warnings);
        return select(records, statuses, filter);
    }

    public static List<Selected> select(List<DeadLetter> records, StatusBook statuses, RecordFilter filter) {
        List<Selected> selected = new ArrayList<>();
        for (DeadLetter record : records) {
            var status = statuses.status(record.ref());
            if (filter.matches(record, status)) {
                selected.add(new Selected(record, status, statuses.resolution(record.ref()).orElse(null)));
            }
        }
        return selected;
    }
}
