package dev.orderflow.dlq.cli;

import picocli.CommandLine.Command;

@Command(name = "orders", description = "Look at an order and resolve it by hand with operator commands.",
        subcommands = {OrderShowCommand.class, ResolvePaymentCli.class, RetryShippingCli.class, CancelOrderCli.class})
public final class OrdersCommand {
}
