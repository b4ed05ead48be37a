package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.domain.AuditAction;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "retry-shipping", description = {
    "Requests fulfillment again for a BLOCKED or pending shipment after its cause was fixed:",
    "emits RetryShippingCommand."},
        footerHeading = "%nExamples:%n",
        footer = {"  orderflow-ops orders retry-shipping o-1842 --reason \"address corrected with customer, INC-82\""})
final class RetryShippingCli extends OrderCommandBase {

    RetryShippingCli(OpsContext context) {
        super(context);
    }

    @Override
    AuditAction action() {
        return AuditAction.RETRY_SHIPPING;
    }

    @Override
    Map<String, String> details() {
        return Map.of();
    }
}
