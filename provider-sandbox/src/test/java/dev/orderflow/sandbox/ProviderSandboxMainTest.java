package dev.orderflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad arguments print what is wrong and exit 2, before anything listens. */
class ProviderSandboxMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ProviderSandboxMain());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void anUnknownProfileIsRejectedNamingTheChoices() {
        assertThat(run("--profile", "brutal")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value brutal for configuration fault-profile");
        assertThat(out.toString()).doesNotContain("listening");
    }

    @Test
    void aPortOutOfRangeIsRejected() {
        assertThat(run("--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value 70000 for configuration port");
    }

    @Test
    void aBadDurationIsRejected() {
        assertThat(run("--payment-key-retention", "one day")).isEqualTo(2);
        assertThat(err.toString()).contains("--payment-key-retention");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Examples:").contains("Exit codes:").contains("--profile");
    }
}
