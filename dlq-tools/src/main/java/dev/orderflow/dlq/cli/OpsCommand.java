package dev.orderflow.dlq.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A leaf command: prints through picocli's writers (so tests capture output) and gets its {@link OpsContext}. */
abstract class OpsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final OpsContext context;

    OpsCommand(OpsContext context) {
        this.context = context;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void warn(List<String> warnings) {
        warnings.forEach(w -> err().println("warning: " + w));
    }
}
