package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.AuditAction;
import dev.orderflow.dlq.domain.AuditEntry;
import dev.orderflow.dlq.domain.OperatorCommand;
import dev.orderflow.dlq.kafka.AuditLog;
import dev.orderflow.dlq.kafka.CommandEvents;
import dev.orderflow.dlq.kafka.CommandPublisher;
import dev.orderflow.dlq.kafka.KafkaAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * An order command: says what will happen, then emits the Avro command event keyed by order id, in one transaction
 * with its audit entry. The event id is the command id, which consumers deduplicate by: repeating a command with
 * the same {@code --command-id} (after a timeout, say) has one effect.
 */
abstract class OrderCommandBase extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OperatorOptions operator;

    @Parameters(index = "0", paramLabel = "ORDER_ID", description = "The order.")
    String orderId;

    @Option(names = "--command-id", paramLabel = "UUID",
            description = "Reuse the id of an earlier attempt of this command, so it is deduplicated (default: new).")
    String commandId;

    @Option(names = "--dry-run", description = "Say what would happen; send nothing.")
    boolean dryRun;

    OrderCommandBase(OpsContext context) {
        super(context);
    }

    abstract AuditAction action();

    abstract Map<String, String> details();

    @Override
    public Integer call() {
        OperatorCommand command = command();
        out().printf("%s %s for order %s, command id %s%n", dryRun ? "would send" : "sending", action(),
                command.orderId(), command.commandId());
        out().println("  what will happen: " + command.effect());
        if (dryRun) {
            out().println("dry run: nothing sent");
            return 0;
        }
        try (KafkaAccess kafka = new KafkaAccess(connection.load(context))) {
            kafka.checkReachable();
            AuditLog audit = new AuditLog(kafka);
            if (commandId != null) {
                checkRepeat(command, audit);
            }
            new CommandPublisher(kafka, audit).publish(command, CommandEvents.toAvro(command));
            out().printf("sent to %s and audited; to repeat it safely use --command-id %s%n",
                    kafka.config().commandsTopic(), command.commandId());
        }
        out().flush();
        return 0;
    }

    /**
     * A reused command id must name the same command: consumers deduplicate by it, so the same id on another order
     * or action would be dropped downstream as a duplicate, silently.
     */
    private void checkRepeat(OperatorCommand command, AuditLog audit) {
        List<String> warnings = new ArrayList<>();
        List<AuditEntry> earlier = audit.readAll(warnings).stream()
                .filter(e -> command.commandId().equals(e.commandId()) && e.target() == null).toList();
        warn(warnings);
        for (AuditEntry entry : earlier) {
            if (entry.action() != command.action() || !command.orderId().equals(entry.orderId())
                    || !entry.details().equals(command.details())) {
                throw OpsException.refused("command id " + command.commandId() + " was used for " + entry.action()
                        + " on order " + entry.orderId() + " " + entry.details() + " at " + entry.at()
                        + "; reusing it for a different command would be dropped as a duplicate. Omit --command-id");
            }
        }
        if (!earlier.isEmpty()) {
            AuditEntry first = earlier.get(0);
            out().printf("  note: this command was sent before (%d times, first at %s by %s); consumers deduplicate "
                    + "it by its id, so it takes effect once%n", earlier.size(), first.at(), first.operator());
        }
    }

    private OperatorCommand command() {
        String id = commandId == null ? UUID.randomUUID().toString() : commandId.trim();
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OpsException.usage("Invalid --command-id '" + commandId + "': expected the UUID an earlier run "
                    + "printed");
        }
        try {
            return new OperatorCommand(action(), orderId.trim(), id, operator.operator(context), operator.reason(),
                    context.clock().instant(), details());
        } catch (IllegalArgumentException e) {
            throw OpsException.usage(e.getMessage());
        }
    }
}
