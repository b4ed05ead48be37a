package dev.orderflow.e2e;

import dev.orderflow.dlq.DlqToolsMain;
import dev.orderflow.dlq.cli.OpsContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * {@code orderflow-ops} run in-process, as an operator named {@value #OPERATOR} on the platform's broker, registry
 * and order API (settings through the environment, as on a workstation).
 */
final class OpsCli {

    static final String OPERATOR = "e2e-operator";

    record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    private final OpsContext context;

    OpsCli(E2ePlatform platform) {
        this.context = new OpsContext(Map.of(
                "ORDERFLOW_OPS_BOOTSTRAP_SERVERS", platform.bootstrapServers(),
                "ORDERFLOW_OPS_REGISTRY_URL", platform.registryApiUrl(),
                "ORDERFLOW_OPS_ORDER_API_URL", platform.orderApi().toString()),
                Clock.systemUTC(), OPERATOR, TimeUnit.NANOSECONDS::sleep, (done, total) -> { });
    }

    Run run(String... args) {
        CommandLine commandLine = DlqToolsMain.commandLine(context);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
