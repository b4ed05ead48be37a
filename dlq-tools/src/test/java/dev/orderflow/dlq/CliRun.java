package dev.orderflow.dlq;

import dev.orderflow.dlq.cli.OpsContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and captures its writers and exit code (no stdout scraping). */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(OpsContext context, String... args) {
        CommandLine commandLine = DlqToolsMain.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
