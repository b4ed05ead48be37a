package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.config.OpsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", description = {
    "Prints the effective settings (flags over ORDERFLOW_OPS_* over the --config file over defaults), secrets",
    "masked, without connecting to anything: the first thing to check when a command cannot connect."},
        footerHeading = "%nExamples:%n",
        footer = {"  orderflow-ops config --config ops.properties"})
public final class ConfigCommand extends OpsCommand {

    @Mixin
    ConnectionOptions connection;

    ConfigCommand(OpsContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        OpsConfig config = connection.load(context);
        config.describe().forEach((key, value) -> out().printf("%-32s %s%n", key, value));
        out().flush();
        return 0;
    }
}
