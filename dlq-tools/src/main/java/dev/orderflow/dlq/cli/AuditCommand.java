package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.AuditAction;
import dev.orderflow.dlq.domain.AuditEntry;
import dev.orderflow.dlq.domain.AuditFilter;
import dev.orderflow.dlq.domain.TimeWindow;
import dev.orderflow.dlq.format.AuditRenderer;
import dev.orderflow.dlq.format.Json;
import dev.orderflow.dlq.format.OutputFormat;
import dev.orderflow.dlq.kafka.AuditJson;
import dev.orderflow.dlq.kafka.AuditLog;
import dev.orderflow.dlq.kafka.KafkaAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", description = {
    "Who did what, when and why: replays, discards and order commands, from the audit log topic",
    "(audit.topic, default orderflow.audit), oldest first."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  orderflow-ops audit --since 24h",
            "  orderflow-ops audit --operator alice --action REPLAY,DISCARD",
            "  orderflow-ops audit --order-id o-1842 --format json"})
public final class AuditCommand extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--operator", paramLabel = "NAME", description = "Only actions of this operator.")
    String operatorName;

    @Option(names = "--action", paramLabel = "ACTION", split = ",",
            description = "Only these actions: REPLAY, DISCARD, RESOLVE_PAYMENT, RETRY_SHIPPING, CANCEL_ORDER.")
    Set<AuditAction> actions;

    @Option(names = "--order-id", paramLabel = "ID", description = "Only actions on this order.")
    String orderId;

    @Option(names = {"-t", "--topic"}, paramLabel = "DLQ", description = "Only replays and discards of this DLQ.")
    String topic;

    @Option(names = "--since", paramLabel = "TIME", description = "Only actions at or after TIME (ISO-8601 or 2h).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only actions before TIME.")
    String until;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or jsonl (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    AuditCommand(OpsContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        AuditFilter filter = filter();
        try (KafkaAccess kafka = new KafkaAccess(connection.load(context))) {
            kafka.checkReachable();
            List<String> warnings = new ArrayList<>();
            List<AuditEntry> entries = new AuditLog(kafka).readAll(warnings).stream().filter(filter::matches).toList();
            warn(warnings);
            switch (format) {
                case table -> AuditRenderer.table(entries, out());
                case json -> {
                    var array = Json.array();
                    entries.forEach(e -> array.add(AuditJson.toJson(e)));
                    out().println(Json.pretty(array));
                }
                case jsonl -> entries.forEach(e -> out().println(Json.compact(AuditJson.toJson(e))));
            }
            out().flush();
        }
        return 0;
    }

    private AuditFilter filter() {
        try {
            Instant from = since == null ? null : TimeWindow.parseInstant(since, context.clock());
            Instant to = until == null ? null : TimeWindow.parseInstant(until, context.clock());
            return new AuditFilter(operatorName, actions == null ? Set.of() : actions, orderId, topic,
                    new TimeWindow(from, to));
        } catch (IllegalArgumentException e) {
            throw OpsException.usage(e.getMessage());
        }
    }
}
