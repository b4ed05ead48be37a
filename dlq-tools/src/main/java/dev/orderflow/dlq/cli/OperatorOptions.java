package dev.orderflow.dlq.cli;

import dev.orderflow.dlq.OpsException;
import picocli.CommandLine.Option;

/** Who acts and why: recorded in the audit log and in the provenance of what is sent. */
public final class OperatorOptions {

    @Option(names = "--operator", paramLabel = "NAME",
            description = "Who is acting (default: the OS user).")
    String operator;

    @Option(names = {"-r", "--reason"}, required = true, paramLabel = "TEXT",
            description = "Why; mandatory, recorded in the audit log.")
    String reason;

    public String operator(OpsContext context) {
        String who = operator != null ? operator : context.osUser();
        if (who == null || who.isBlank()) {
            throw OpsException.usage("cannot tell who you are: pass --operator NAME");
        }
        return who.trim();
    }

    public String reason() {
        if (reason == null || reason.isBlank()) {
            throw OpsException.usage("--reason must not be blank: say why, e.g. --reason \"gateway fixed, INC-123\"");
        }
        return reason.trim();
    }
}
