package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import dev.orderflow.dlq.domain.AuditAction;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "resolve-payment", description = {
    "Closes a pending (ambiguous) payment with the outcome you verified with the payment provider:",
    "emits ResolvePaymentCommand. AUTHORIZED moves the order on to shipping; FAILED compensates (stock released,",
    "order CANCELLED)."},
        footerHeading = "%nExamples:%n",
        footer = {"  orderflow-ops orders resolve-payment o-1842 --outcome authorized --reference AUTH-99 \\",
            "      --reason \"confirmed in the gateway console, INC-81\""})
final class ResolvePaymentCli extends OrderCommandBase {

    enum Outcome { authorized, failed }

    @Option(names = "--outcome", required = true, paramLabel = "OUTCOME",
            description = "What the provider says happened: authorized or failed.")
    Outcome outcome;

    @Option(names = "--reference", required = true, paramLabel = "REF",
            description = "The provider's reference you checked (authorization or transaction id).")
    String reference;

    ResolvePaymentCli(OpsContext context) {
        super(context);
    }

    @Override
    AuditAction action() {
        return AuditAction.RESOLVE_PAYMENT;
    }

    @Override
    Map<String, String> details() {
        if (reference.isBlank()) {
            throw OpsException.usage("--reference must not be blank: give the provider's reference you checked");
        }
        return Map.of("outcome", outcome.name().toUpperCase(java.util.Locale.ROOT), "reference", reference.trim());
    }
}
