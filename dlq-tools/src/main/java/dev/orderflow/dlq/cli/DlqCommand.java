package dev.orderflow.dlq.cli;

import picocli.CommandLine.Command;

@Command(name = "dlq", description = "Inspect, export, replay and discard dead letters.",
        subcommands = {ListCommand.class, ShowCommand.class, ExportCommand.class, ReplayCommand.class,
            DiscardCommand.class})
public final class DlqCommand {
}
