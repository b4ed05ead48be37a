package dev.orderflow.orderstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OrderStreamMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        CommandLine cli = new CommandLine(new OrderStreamMain(env));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void helpListsKeysExamplesAndExitCodes() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("--config", "--set", "escalation.deadline.<STATE>", "Exit codes",
                "ORDERFLOW_STREAM_");
    }

    @Test
    void badConfigurationIsOneLineNamingTheKeyAndExitsTwo() {
        int code = run(Map.of(), "--set", "bootstrap.servers=k:9092", "--set",
                "registry.url=http://r/apis/registry/v2", "--set", "punctuation.interval.ms=abc");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("punctuation.interval.ms").doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void environmentVariablesAreConfiguration() {
        int code = run(Map.of("ORDERFLOW_STREAM_BOOTSTRAP_SERVERS", "k:9092",
                "ORDERFLOW_STREAM_REGISTRY_URL", "http://r/apis/registry/v2",
                "ORDERFLOW_STREAM_ESCALATION_DEADLINE_NOT_A_STATE", "PT1M"));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("escalation.deadline.NOT_A_STATE");
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        assertThat(run(Map.of(), "--set", "bootstrap.servers=k:9092")).isEqualTo(2);
        assertThat(err.toString()).contains("registry.url");
    }
}
