package dev.orderflow.dlq;

import dev.orderflow.dlq.cli.AuditCommand;
import dev.orderflow.dlq.cli.CommandFactory;
import dev.orderflow.dlq.cli.ConfigCommand;
import dev.orderflow.dlq.cli.DlqCommand;
import dev.orderflow.dlq.cli.OpsContext;
import dev.orderflow.dlq.cli.OrdersCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code orderflow-ops}: the operators' command line for dead letters and manual order recovery. Every mutating
 * command records who, when, what and why in the audit log before it reports success.
 */
@Command(name = "orderflow-ops", mixinStandardHelpOptions = true, version = "orderflow 0.1.0",
        // --help, --version and the help layout apply to every subcommand too.
        scope = CommandLine.ScopeType.INHERIT, usageHelpWidth = 120,
        subcommands = {DlqCommand.class, OrdersCommand.class, AuditCommand.class, ConfigCommand.class,
            CommandLine.HelpCommand.class},
        description = {
            "Operators' tool for dead letters and manual order recovery, with an audit trail.",
            "Settings: flags, then ORDERFLOW_OPS_<KEY> environment variables (ORDERFLOW_OPS_BOOTSTRAP_SERVERS,",
            "ORDERFLOW_OPS_REGISTRY_URL, ORDERFLOW_OPS_ORDER_API_URL, ORDERFLOW_OPS_CLIENT_SECURITY_PROTOCOL,",
            "...), then a properties file (--config or ORDERFLOW_OPS_CONFIG). Keys: bootstrap.servers,",
            "registry.url, order.api.url, audit.topic, commands.topic, timeout.ms, replay.max.count,",
            "confirm.above, client.* (passed to the Kafka clients: SASL, TLS)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  orderflow-ops dlq list",
            "  orderflow-ops dlq show -t payment-consumer.dlq --status OPEN --category TRANSIENT",
            "  orderflow-ops dlq replay -t payment-consumer.dlq --category TRANSIENT --reason \"gateway back, INC-77\"",
            "  orderflow-ops dlq discard -t payment-consumer.dlq -o 42 --reason \"test order, INC-78\"",
            "  orderflow-ops orders resolve-payment o-1842 --outcome authorized --reference AUTH-99 --reason \"checked\"",
            "  orderflow-ops audit --order-id o-1842"})
public final class DlqToolsMain {

    public static void main(String[] args) {
        System.exit(commandLine(OpsContext.system()).execute(args));
    }

    /** The command line as {@code main} runs it: errors print as one line with an exit code, never a stack trace. */
    public static CommandLine commandLine(OpsContext context) {
        CommandLine commandLine = new CommandLine(new DlqToolsMain(), new CommandFactory(context));
        documentExitCodes(commandLine);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof OpsException ops) {
                cmd.getErr().println("orderflow-ops: " + ops.getMessage());
                return ops.exitCode().code();
            }
            cmd.getErr().println("orderflow-ops: unexpected error: " + e + " (please report it with the command line)");
            return ExitCode.FAILED.code();
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("orderflow-ops: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
            return ExitCode.USAGE.code();
        });
        return commandLine;
    }

    /** Every command's --help lists the exit codes, taken from {@link ExitCode}, the one place they are defined. */
    private static void documentExitCodes(CommandLine commandLine) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(Integer.toString(code.code()), code.meaning());
        }
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        commandLine.getSubcommands().values().forEach(DlqToolsMain::documentExitCodes);
    }
}
