package dev.orderflow.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Arguments are checked before anything starts; a bad one is exit code 2 with a message naming it. */
class ChaosCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = new CommandLine(new ChaosCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void faultSharesAboveOneAreRefusedBeforeAnythingStarts() {
        assertThat(execute("--transient", "0.6", "--ambiguous", "0.5")).isEqualTo(2);
        assertThat(err.toString()).contains("sum to at most 1");
        assertThat(out.toString()).doesNotContain("Starting");
    }

    @Test
    void zeroOrdersIsRefused() {
        assertThat(execute("--orders", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--orders");
    }

    @Test
    void anUnknownOutboxWriteIsRefused() {
        assertThat(execute("--outbox-write", "rows")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value 'rows' for --outbox-write: use table or message");
        assertThat(out.toString()).doesNotContain("Starting");
    }

    @Test
    void aTwoBrokerClusterIsRefused() {
        assertThat(execute("--brokers", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value 2 for --brokers");
        assertThat(out.toString()).doesNotContain("Starting");
    }

    @Test
    void helpNamesEveryFigureExitCode() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("--poison", "--instances", "3 a figure failed");
    }
}
