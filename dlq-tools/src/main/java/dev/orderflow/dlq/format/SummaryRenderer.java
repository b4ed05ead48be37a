package dev.orderflow.dlq.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dlq.domain.DlqSummary;
import dev.orderflow.dlq.domain.RecordStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints {@code dlq list}: one row per DLQ topic with counts by status, ages and failure breakdowns. */
public final class SummaryRenderer {

    private static final String ROW = "%-36s %8s %8s %9s %10s %10s %10s%n";

    private SummaryRenderer() {
    }

    public static void table(List<DlqSummary> summaries, Instant now, PrintWriter out) {
        if (summaries.isEmpty()) {
            out.println("no dead-letter topics (<consumer>.dlq) on this cluster");
            return;
        }
        out.printf(ROW, "TOPIC", "RECORDS", "OPEN", "REPLAYED", "DISCARDED", "OLDEST", "NEWEST");
        for (DlqSummary s : summaries) {
            out.printf(ROW, s.topic(), s.records(), s.byStatus().get(RecordStatus.OPEN),
                    s.byStatus().get(RecordStatus.REPLAYED), s.byStatus().get(RecordStatus.DISCARDED),
                    Ages.since(s.oldest(), now), Ages.since(s.newest(), now));
            if (s.records() > 0) {
                out.println("    by category:  " + counts(s.byCategory()));
                out.println("    by exception: " + counts(s.byException()));
            }
        }
    }

    public static ObjectNode toJson(DlqSummary s, Instant now) {
        ObjectNode node = Json.object();
        node.put("topic", s.topic());
        node.put("records", s.records());
        ObjectNode status = node.putObject("byStatus");
        s.byStatus().forEach((k, v) -> status.put(k.name(), v));
        node.put("oldest", s.oldest() == null ? null : s.oldest().toString());
        node.put("newest", s.newest() == null ? null : s.newest().toString());
        node.put("oldestAge", Ages.since(s.oldest(), now));
        node.put("newestAge", Ages.since(s.newest(), now));
        ObjectNode categories = node.putObject("byCategory");
        s.byCategory().forEach(categories::put);
        ObjectNode exceptions = node.putObject("byException");
        s.byException().forEach(exceptions::put);
        return node;
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
