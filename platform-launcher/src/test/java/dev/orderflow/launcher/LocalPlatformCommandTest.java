package dev.orderflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad arguments print what is wrong and exit 2, before anything is started. */
class LocalPlatformCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new LocalPlatformCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void portOutOfRangeIsRejectedNamingTheOption() {
        assertThat(run("--kafka-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value 70000 for option '--kafka-port': must be 0..65535");
        assertThat(out.toString()).doesNotContain("Starting");
    }

    @Test
    void nonNumericPortIsRejected() {
        assertThat(run("--registry-port", "eighty")).isEqualTo(2);
        assertThat(err.toString()).contains("--registry-port").contains("eighty");
    }

    @Test
    void anUnknownOutboxWriteIsRejectedNamingTheChoices() {
        assertThat(run("--outbox-write", "kafka")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value 'kafka' for option '--outbox-write': use table or message");
        assertThat(out.toString()).doesNotContain("Starting");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThat(run("--turbo")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--turbo'");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Examples:").contains("Exit codes:").contains("--postgres-url");
    }
}
