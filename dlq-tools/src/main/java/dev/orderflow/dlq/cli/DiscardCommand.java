package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.config.OpsConfig;
import dev.orderflow.dlq.domain.AuditEntries;
import dev.orderflow.dlq.domain.AuditEntry;
import dev.orderflow.dlq.domain.RecordStatus;
import dev.orderflow.dlq.domain.Selected;
import dev.orderflow.dlq.kafka.DeadLetterQuery;
import dev.orderflow.dlq.kafka.KafkaAccess;
import dev.orderflow.dlq.kafka.ResolutionWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "discard", description = {
    "Marks selected OPEN dead letters as resolved without replaying them (status DISCARDED), with a mandatory",
    "--reason. The records stay in the DLQ topic (Kafka is append-only); the audit log records the decision."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  orderflow-ops dlq discard -t payment-consumer.dlq -o 42 --reason \"duplicate test order, INC-78\"",
            "  orderflow-ops dlq discard -t payment-consumer.dlq --category MALFORMED --dry-run --reason \"x\""})
final class DiscardCommand extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SelectionOptions selection;

    @Mixin
    OperatorOptions operator;

    @Mixin
    ConfirmOptions confirm;

    DiscardCommand(OpsContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        var filter = selection.filter(context.clock());
        String who = operator.operator(context);
        String why = operator.reason();
        OpsConfig config = connection.load(context);
        try (KafkaAccess kafka = new KafkaAccess(config)) {
            kafka.checkReachable();
            List<String> warnings = new ArrayList<>();
            DeadLetterQuery query = new DeadLetterQuery(kafka);
            List<Selected> selected = query.select(selection.topic(), filter, warnings);
            warn(warnings);
            List<Selected> open = selected.stream().filter(s -> s.status() == RecordStatus.OPEN).toList();
            String skipped = selected.size() == open.size() ? ""
                    : " (" + (selected.size() - open.size()) + " already replayed or discarded, skipped)";
            if (open.isEmpty()) {
                out().println("nothing to discard: no OPEN record matches" + skipped);
                return 0;
            }
            if (confirm.dryRun(open.size(), config.confirmAbove())) {
                open.forEach(s -> out().println("would discard " + s.record().ref() + " key="
                        + s.record().keyText().orElse("(none)")));
                out().println("dry run (" + confirm.why(config.confirmAbove()) + "): nothing recorded. " + open.size()
                        + " to discard" + skipped);
                return 0;
            }
            String job = UUID.randomUUID().toString();
            Instant at = context.clock().instant();
            List<AuditEntry> entries = open.stream()
                    .map(s -> AuditEntries.discard(s.record(), who, why, at, job)).toList();
            new ResolutionWriter(kafka, query.audit()).discard(selection.topic(), entries);
            out().printf("discarded %d records of %s%s; audited in %s as job %s%n", entries.size(), selection.topic(),
                    skipped, query.audit().topic(), job);
            out().flush();
        }
        return 0;
    }
}
