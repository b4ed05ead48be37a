package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.AuditAction;
import dev.orderflow.dlq.domain.OperatorCommand;
import dev.orderflow.dlq.kafka.AuditLog;
import dev.orderflow.dlq.kafka.CommandEvents;
import dev.orderflow.dlq.kafka.CommandPublisher;
import dev.orderflow.dlq.kafka.KafkaAccess;
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
            new CommandPublisher(kafka, new AuditLog(kafka)).publish(command, CommandEvents.toAvro(command));
            out().printf("sent to %s and audited; to repeat it safely use --command-id %s%n",
                    kafka.config().commandsTopic(), command.commandId());
        }
        out().flush();
        return 0;
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
