package dev.orderflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * Issue 5: 2,000 orders through all three stage services against the sandbox's realistic fault profile (5xx,
 * 429/503, timeouts before and after the work, business rejections, fulfillment exceptions). The run must end with
 * every order terminal, blocked or escalated, and the provider ledger's invariants holding; how many orders needed
 * an operator (blocked + escalated) is printed. This is exactly {@code bin/orderflow-local --orders 2000
 * --faults realistic}, whose exit code is 3 on a violated invariant or an unsettled order.
 */
class MixedFaultRunIT {

    private static final int ORDERS = 2_000;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyOrderSettlesAndTheLedgerInvariantsHoldUnderRealisticFaults() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LocalPlatformCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--orders", String.valueOf(ORDERS), "--rate", "100", "--faults", "realistic",
                "--drain-timeout", "300", "--kafka-port", "0", "--registry-port", "0", "--postgres-port", "0");

        String run = out.toString();
        String summary = run.substring(Math.max(0, run.indexOf("Summary after")));
        System.out.println(summary);
        long blocked = count(summary, "blocked");
        long escalated = count(summary, "escalated");
        System.out.printf("%nOrders that needed an operator: %d (%d blocked, %d escalated) of %d%n",
                blocked + escalated, blocked, escalated, ORDERS);
        assertThat(exit).as("exit code (3 = invariant violated or orders not settled); stderr: %s", err).isZero();
        assertThat(count(summary, "orders placed")).isEqualTo(ORDERS);
        assertThat(summary).doesNotContain("NOT SETTLED").doesNotContain("FAIL")
                .contains("multipleCharges", "multipleShipments", "shipmentsWithoutCharge", "negativeStock");
        long settled = count(summary, "delivered") + count(summary, "rejected") + count(summary, "cancelled")
                + blocked + escalated;
        assertThat(settled).as("delivered + rejected + cancelled + blocked + escalated").isEqualTo(ORDERS);
    }

    private static long count(String summary, String label) {
        Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+(\\d+)\\s*$").matcher(summary);
        assertThat(m.find()).as("summary line '%s' in:%n%s", label, summary).isTrue();
        return Long.parseLong(m.group(1));
    }
}
