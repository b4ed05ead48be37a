package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.domain.AuditAction;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cancel", description = {
    "Cancels an order: emits CancelOrderCommand. With --compensate, completed stages are undone (stock released,",
    "payment voided or refunded); without it, they are left for you to settle."},
        footerHeading = "%nExamples:%n",
        footer = {"  orderflow-ops orders cancel o-1842 --compensate --reason \"customer withdrew, INC-83\""})
final class CancelOrderCli extends OrderCommandBase {

    @Option(names = "--compensate", description = "Undo what was done: release stock, void or refund the payment.")
    boolean compensate;

    CancelOrderCli(OpsContext context) {
        super(context);
    }

    @Override
    AuditAction action() {
        return AuditAction.CANCEL_ORDER;
    }

    @Override
    Map<String, String> details() {
        return Map.of("compensate", Boolean.toString(compensate));
    }
}
