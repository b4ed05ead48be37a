package dev.orderflow.dlq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.dlq.CliRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argument parsing and validation: every case here fails (or dry-runs) before any connection is made. */
class CommandLineTest {

    private final OpsContext context = new OpsContext(Map.of(),
            Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC), "alice", nanos -> { },
            (done, total) -> { });

    @Test
    void helpListsTheExitCodes() {
        CliRun help = CliRun.of(context, "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Exit codes:").contains("a safety check refused").contains("dlq")
                .contains("orders").contains("audit");
        CliRun replayHelp = CliRun.of(context, "dlq", "replay", "--help");
        assertThat(replayHelp.exitCode()).isZero();
        assertThat(replayHelp.out()).contains("--reason").contains("Exit codes:").contains("origin mismatch");
    }

    @Test
    void configPrintsTheEffectiveSettingsWithSecretsMasked() {
        CliRun run = CliRun.of(context.withEnvironment(Map.of("ORDERFLOW_OPS_BOOTSTRAP_SERVERS", "env:9092")),
                "config", "--set", "client.sasl.jaas.config=user=alice password=hunter2", "--registry-url",
                "http://registry:8080/apis/registry/v2");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("[env:9092]").contains("http://registry:8080/apis/registry/v2")
                .contains("client.sasl.jaas.config").contains("********").doesNotContain("hunter2");
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        CliRun run = CliRun.of(context, "dlq", "list", "--config", "/nonexistent/ops.properties");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read the configuration file").hasLineCount(1);
    }

    @Test
    void aMissingReasonIsAOneLineUsageError() {
        CliRun run = CliRun.of(context, "dlq", "replay", "-t", "payment-consumer.dlq");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option").contains("--reason").hasLineCount(1);
    }

    @Test
    void malformedSelectionsFailBeforeConnecting() {
        assertUsage(CliRun.of(context, "dlq", "show", "-t", "x.dlq", "--offsets", "ten"), "Invalid offset range 'ten'");
        assertUsage(CliRun.of(context, "dlq", "show", "-t", "x.dlq", "--since", "soon"), "Invalid time 'soon'");
        assertUsage(CliRun.of(context, "dlq", "show", "-t", "x.dlq", "--category", "odd"), "Invalid --category 'odd'");
        assertUsage(CliRun.of(context, "dlq", "show", "-t", "x.dlq", "--format", "xml"), "--format");
        assertUsage(CliRun.of(context, "dlq", "show", "-t", "x.dlq", "--set", "bootstrap.servers=nope"),
                "bootstrap.servers");
        assertUsage(CliRun.of(context, "dlq", "list", "--bogus"), "Unknown option");
    }

    @Test
    void orderCommandsValidateTheirArguments() {
        assertUsage(CliRun.of(context, "orders", "resolve-payment", "o-1", "--outcome", "maybe", "--reference", "r",
                "--reason", "x"), "--outcome");
        assertUsage(CliRun.of(context, "orders", "cancel", "o-1", "--reason", "x", "--command-id", "not-a-uuid"),
                "Invalid --command-id");
        assertUsage(CliRun.of(context, "orders", "retry-shipping", "o-1"), "--reason");
    }

    @Test
    void aDryRunCommandSaysWhatWillHappenAndSendsNothing() {
        CliRun run = CliRun.of(context, "orders", "resolve-payment", "o-1", "--outcome", "AUTHORIZED", "--reference",
                "AUTH-9", "--reason", "checked", "--dry-run", "--command-id", "3f1c8a52-0d6e-4d5b-9a43-1e2f3a4b5c6d");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("would send RESOLVE_PAYMENT for order o-1, command id 3f1c8a52")
                .contains("AUTHORIZED (provider reference AUTH-9)").contains("dry run: nothing sent");
    }

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(message).hasLineCount(1);
    }
}
