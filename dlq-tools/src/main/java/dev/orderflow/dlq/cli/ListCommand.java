package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.domain.DlqSummary;
import dev.orderflow.dlq.domain.RecordFilter;
import dev.orderflow.dlq.domain.StatusBook;
import dev.orderflow.dlq.format.Json;
import dev.orderflow.dlq.format.OutputFormat;
import dev.orderflow.dlq.format.SummaryRenderer;
import dev.orderflow.dlq.kafka.DeadLetterQuery;
import dev.orderflow.dlq.kafka.KafkaAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", description = {
    "Every dead-letter topic (<consumer>.dlq) with its record count, counts by status (OPEN, REPLAYED,",
    "DISCARDED, from the audit log), the oldest and newest record's age, and counts by failure category and",
    "exception class."},
        footerHeading = "%nExamples:%n",
        footer = {"  orderflow-ops dlq list", "  orderflow-ops dlq list --format json -b kafka:9092"})
final class ListCommand extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or jsonl (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    ListCommand(OpsContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        try (KafkaAccess kafka = new KafkaAccess(connection.load(context))) {
            kafka.checkReachable();
            DeadLetterQuery query = new DeadLetterQuery(kafka);
            List<String> warnings = new ArrayList<>();
            StatusBook statuses = query.audit().statuses(warnings);
            List<DlqSummary> summaries = new ArrayList<>();
            query.reader().readAll(query.reader().deadLetterTopics()).forEach((topic, records) -> summaries.add(
                    DlqSummary.of(topic, DeadLetterQuery.select(records, statuses, RecordFilter.ALL))));
            warn(warnings);
            print(summaries, context.clock().instant());
        }
        return 0;
    }

    private void print(List<DlqSummary> summaries, Instant now) {
        switch (format) {
            case table -> SummaryRenderer.table(summaries, now, out());
            case json -> {
                var array = Json.array();
                summaries.forEach(s -> array.add(SummaryRenderer.toJson(s, now)));
                out().println(Json.pretty(array));
            }
            case jsonl -> summaries.forEach(s -> out().println(Json.compact(SummaryRenderer.toJson(s, now))));
        }
        out().flush();
    }
}
