package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.infra.WorkDirectories;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Runs {@code benchmark system} on a small load against the real embedded platform and checks the report files:
 * present, consistent with the load, every order accounted for. No figure is held to a time.
 */
class SystemBenchmarkIT {

    private static final int ORDERS = 200;

    private final Path reportDir = WorkDirectories.createTemp("system-benchmark-report");

    @AfterEach
    void removeReport() {
        WorkDirectories.deleteRecursively(reportDir);
    }

    @Test
    void aSmallRunWritesACompleteReport() throws Exception {
        StringWriter output = new StringWriter();
        int exit = new CommandLine(new SystemBenchmarkCommand()).setOut(new PrintWriter(output))
                .setErr(new PrintWriter(output, true))
                .execute("--orders", String.valueOf(ORDERS), "--rate", "100", "--warmup", "5", "--warmup-burst", "10",
                        "--drain-timeout", "120",
                        "--report-dir", reportDir.toString());

        assertThat(exit).as(output.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(reportDir.resolve(ReportWriter.JSON).toFile());
        JsonNode figures = report.get("figures");
        assertThat(figures.get("placed").asLong()).isEqualTo(ORDERS);
        assertThat(figures.get("accepted").asLong()).as("no faults, valid orders: all shipped").isEqualTo(ORDERS);
        assertThat(figures.get("delivered").asLong()).isEqualTo(ORDERS);
        JsonNode latency = figures.get("latency");
        assertThat(latency.get("count").asInt()).isEqualTo(ORDERS);
        assertThat(latency.get("p50").asLong()).isPositive().isLessThanOrEqualTo(latency.get("p99").asLong());
        assertThat(figures.get("relayedEvents").asLong()).as("reserved, authorized, accepted, progress per order")
                .isGreaterThanOrEqualTo(3L * ORDERS);
        assertThat(figures.get("series").size()).isPositive();

        JsonNode calls = report.get("findings").get("providerCalls");
        assertThat(calls.get("operations").get("stock.reserve").get("distinct").asLong()).isEqualTo(ORDERS);
        assertThat(calls.get("amplification").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(report.get("findings").get("audit").get("holds").asBoolean()).isTrue();

        JsonNode resources = report.get("resources");
        assertThat(resources.get("groups").size()).isEqualTo(4);
        for (JsonNode group : resources.get("groups")) {
            assertThat(group.get("peakMb").asDouble()).as(group.get("name").asText()).isPositive();
        }
        assertThat(report.get("targets").size()).isEqualTo(6);
        JsonNode hops = figures.get("hops");
        assertThat(hops.get("placed → reserved").get("count").asInt()).isEqualTo(ORDERS);
        assertThat(hops.get("authorized → shipment accepted").get("count").asInt()).isEqualTo(ORDERS);
        JsonNode drift = figures.get("drift");
        assertThat(drift.get("quarterMedians")).as("two seconds of placing are too short to compare quarters")
                .isEmpty();
        assertThat(drift.get("fellBehind").asBoolean()).isFalse();

        JsonNode baseline = report.get("baseline");
        assertThat(baseline.get("figures").get("placed").asLong()).as("the baseline ran the same load")
                .isEqualTo(ORDERS);
        assertThat(baseline.get("figures").get("lost").asLong()).isZero();
        assertThat(baseline.get("shippedPerSecond").asDouble()).isPositive();
        assertThat(baseline.get("ratio").asDouble()).isPositive();

        String markdown = Files.readString(reportDir.resolve(ReportWriter.MARKDOWN));
        assertThat(markdown).contains("## Targets", "## Provider calls", "All invariants hold", "Every order settled",
                "## The naive baseline, same broker and PostgreSQL", "| placed → reserved |");
        for (String plot : new String[] {ReportPlots.THROUGHPUT, ReportPlots.LATENCY, ReportPlots.STAGES}) {
            byte[] png = Files.readAllBytes(reportDir.resolve(plot));
            assertThat(png).as(plot).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }
}
