package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.config.OpsConfig;
import dev.orderflow.dlq.domain.Pacer;
import dev.orderflow.dlq.domain.ReplayItem;
import dev.orderflow.dlq.domain.ReplayPlan;
import dev.orderflow.dlq.domain.ReplayPlanner;
import dev.orderflow.dlq.domain.ReplayRequest;
import dev.orderflow.dlq.domain.Selected;
import dev.orderflow.dlq.format.PlanRenderer;
import dev.orderflow.dlq.kafka.DeadLetterQuery;
import dev.orderflow.dlq.kafka.KafkaAccess;
import dev.orderflow.dlq.kafka.ResolutionWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", description = {
    "Re-submits selected OPEN dead letters to the replay topic of the consumer that gave up on them",
    "(<dlq.consumer.group>.replay): original key, value and headers byte for byte, plus replay.* provenance",
    "(by, at, reason, source topic/partition/offset, replay count). Each batch is committed in one Kafka",
    "transaction with its audit entries, so an interrupted replay is continued by running the same command",
    "again: records already replayed are skipped, nothing is sent twice. Records replayed replay.max.count",
    "times already are refused (replay-count guard), as is a --to that is not the recorded origin."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  orderflow-ops dlq replay -t payment-consumer.dlq --category TRANSIENT --reason \"gateway back, INC-77\"",
            "  orderflow-ops dlq replay -t payment-consumer.dlq --dry-run --reason \"check\"",
            "  orderflow-ops dlq replay -t payment-consumer.dlq --execute --rate 20 --reason \"INC-77\"",
            "  orderflow-ops dlq replay -t payment-consumer.dlq -o 42 --reason \"address fixed\" --to payment-consumer.replay"})
final class ReplayCommand extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SelectionOptions selection;

    @Mixin
    OperatorOptions operator;

    @Mixin
    ConfirmOptions confirm;

    @Option(names = "--to", paramLabel = "TOPIC",
            description = "Expected destination; refused unless it is the recorded origin's replay topic.")
    String destination;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "0",
            description = "Send at most this many records a second (default: unlimited).")
    double rate;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "2147483647",
            description = "Replay at most N records (oldest first); rerun for the rest.")
    int limit;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "100",
            description = "Records per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--max-replays", paramLabel = "N",
            description = "Replay-count guard: refuse records replayed N times already (default: replay.max.count, 3).")
    Integer maxReplays;

    @Option(names = "--skip-refused", description = "Replay the rest when some selected records are refused.")
    boolean skipRefused;

    @Option(names = "--job-id", paramLabel = "ID", description = "Id of this run in the audit log (default: random).")
    String jobId;

    ReplayCommand(OpsContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        var filter = selection.filter(context.clock());
        String who = operator.operator(context);
        String why = operator.reason();
        if (rate < 0 || limit < 1 || batchSize < 1 || (maxReplays != null && maxReplays < 1)) {
            throw OpsException.usage("--rate must be >= 0 and --limit, --batch-size, --max-replays >= 1");
        }
        OpsConfig config = connection.load(context);
        try (KafkaAccess kafka = new KafkaAccess(config)) {
            kafka.checkReachable();
            List<String> warnings = new ArrayList<>();
            DeadLetterQuery query = new DeadLetterQuery(kafka);
            List<Selected> selected = query.select(selection.topic(), filter, warnings);
            warn(warnings);
            ReplayRequest request = new ReplayRequest(who, why, context.clock().instant(),
                    jobId != null ? jobId : UUID.randomUUID().toString(), destination,
                    maxReplays != null ? maxReplays : config.replayMaxCount(), limit);
            ReplayPlan plan = ReplayPlanner.plan(selected, request);
            checkRefusals(plan);
            return run(kafka, query, plan, request, config.confirmAbove());
        }
    }

    private void checkRefusals(ReplayPlan plan) {
        if (plan.refusals().isEmpty()) {
            return;
        }
        PlanRenderer.refusals(plan, err());
        if (!skipRefused) {
            throw OpsException.refused(plan.refusals().size() + " selected records refused (first: "
                    + plan.refusals().get(0).reason() + "); nothing sent. Narrow the selection or add --skip-refused");
        }
    }

    private int run(KafkaAccess kafka, DeadLetterQuery query, ReplayPlan plan, ReplayRequest request,
                    int confirmAbove) {
        if (plan.items().isEmpty()) {
            out().println("nothing to replay: " + PlanRenderer.summary(plan));
            out().flush();
            return 0;
        }
        plan.items().stream().map(ReplayItem::destination).distinct().forEach(d -> kafka.describe(d,
                ": the consumer's replay topic must exist before replaying into it (the consumer runtime creates it)"));
        if (confirm.dryRun(plan.items().size(), confirmAbove)) {
            PlanRenderer.items(plan, out());
            out().println("dry run (" + confirm.why(confirmAbove) + "): nothing sent. " + PlanRenderer.summary(plan));
            out().flush();
            return 0;
        }
        out().println("replaying as job " + request.jobId() + ": " + PlanRenderer.summary(plan));
        int sent = new ResolutionWriter(kafka, query.audit()).replay(selection.topic(), plan, request, batchSize,
                Pacer.perSecond(rate), context.waiter(), (done, total) -> {
                    out().printf("  committed %d/%d%n", done, total);
                    out().flush();
                    context.replayProgress().committed(done, total);
                });
        out().printf("replayed %d records of %s; audited in %s as job %s%n", sent, selection.topic(),
                query.audit().topic(), request.jobId());
        out().flush();
        return 0;
    }
}
