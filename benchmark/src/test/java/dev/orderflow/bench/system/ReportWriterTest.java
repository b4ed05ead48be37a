package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.sandbox.client.CallCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private static BenchmarkReport report(String rate, String faults, double amplificationCalls, double peakMb,
                                          double readySeconds) {
        return report(rate, faults, amplificationCalls, peakMb, readySeconds,
                new LatencyDrift(List.of(310L, 330L, 320L, 340L)));
    }

    private static BenchmarkReport report(String rate, String faults, double amplificationCalls, double peakMb,
                                          double readySeconds, LatencyDrift drift) {
        RunFigures figures = new RunFigures(1000, 1000, 990, 400, 350, 300, 380,
                new LatencySummary(1000, 300, 700, 900, 1200, 350), LatencySummary.EMPTY, LatencySummary.EMPTY,
                4000, 1400, Map.of(OrderStage.DELIVERED, 990L, OrderStage.FULFILLING, 10L), List.of(),
                Map.of("placed → reserved", new LatencySummary(1000, 40, 90, 120, 200, 45)),
                drift);
        CallCounts calls = new CallCounts(Map.of("stock.reserve",
                new CallCounts.OperationCalls((long) amplificationCalls, 100, Map.of("OK", 100L))));
        InvariantAudit audit = new InvariantAudit(true, 3000, Map.of("multipleCharges", 0));
        ResourceUsage resources = new ResourceUsage(List.of(new ResourceUsage.GroupUsage("benchmark JVM", 1, peakMb,
                peakMb / 2, 1.2)), peakMb, 10, 0.9, 3.5, 2, new MachineSpeed(61.24, 2345.6));
        return new BenchmarkReport("system", "2030-01-01T00:00:00Z", new BenchmarkReport.Settings(1000, rate, faults,
                "described", true, 120, "bin/benchmark system ..."), new BenchmarkReport.Readiness(readySeconds, 1),
                true, figures, new PipelineFindings(calls, audit), resources, List.of(), null).withTargets();
    }

    @Test
    void targetsAreJudgedOnlyByRunsThatMeasureThem() {
        List<TargetCheck> atMax = report("max", "none", 100, 1500, 10).targets();
        List<TargetCheck> atRate = report("250", "transient5", 111, 2100, 35).targets();

        assertThat(atMax).extracting(TargetCheck::verdict).containsExactly("NOT MET",
                "not measured by this run (needs --rate set to 70 % of a --rate max run's throughput)",
                "not measured by this run", "not measured by this run (needs --faults transient5)", "met", "met");
        assertThat(atRate).extracting(TargetCheck::verdict).containsExactly(
                "not measured by this run (needs --rate max)",
                "met at this rate (the target's rate is 70 % of the measured maximum)", "not measured by this run",
                "NOT MET", "NOT MET", "NOT MET");
    }

    @Test
    void aP99AtARateTheSystemFellBehindSaysSo() {
        BenchmarkReport behind = report("485", "none", 100, 1500, 10,
                new LatencyDrift(List.of(810L, 1_420L, 1_900L, 1_660L)));

        assertThat(behind.targets().get(1).verdict()).isEqualTo("met at this rate (the target's rate is 70 % of the"
                + " measured maximum); the system fell behind this rate (median by quarter of the orders 810, 1420,"
                + " 1900, 1660 ms), so this p99 grows with the run's length: try a lower --rate");
        assertThat(ReportWriter.markdown(behind)).contains("| placed → shipment accepted, by quarter of the orders |"
                + " median by quarter of the orders 810, 1420, 1900, 1660 ms: the system fell behind the placing"
                + " rate |");
        assertThat(ReportWriter.markdown(report("485", "none", 100, 1500, 10))).contains("median by quarter of the"
                + " orders 310, 330, 320, 340 ms: the system kept up");
        assertThat(ReportWriter.markdown(report("max", "none", 100, 1500, 10)))
                .doesNotContain("by quarter of the orders");
    }

    @Test
    void theBaselineShareIsJudgedOnlyAtTheMaximumRate() {
        BaselineRun baseline = new BaselineRun(500, 0.7, 400, 0.75, Map.of(),
                "# Naive baseline, faults `none`\n\n| x | y |\n");

        TargetCheck atMax = report("max", "none", 100, 1500, 10).withBaseline(baseline).targets().get(2);
        TargetCheck below = report("max", "none", 100, 1500, 10).withBaseline(new BaselineRun(500, 0.5, 400, 0.5,
                Map.of(), "")).targets().get(2);
        TargetCheck atRate = report("250", "none", 100, 1500, 10).withBaseline(baseline).targets().get(2);

        assertThat(atMax.target()).isEqualTo(">= 60 % of the naive baseline's throughput");
        assertThat(atMax.measured()).isEqualTo("70 % (350.0 / 500.0 orders/s to shipment accepted, same broker and"
                + " PostgreSQL)");
        assertThat(atMax.verdict()).isEqualTo("met");
        assertThat(below.verdict()).isEqualTo("NOT MET");
        assertThat(atRate.verdict()).startsWith("not measured by this run (needs --rate max");
        assertThat(ReportWriter.markdown(report("max", "none", 100, 1500, 10).withBaseline(baseline)))
                .contains("## The naive baseline, same broker and PostgreSQL", "**70 %** of the baseline's",
                        "to delivered, 75 %",
                        "### Naive baseline, faults `none`");
    }

    @Test
    void theMarkdownShowsTargetsFiguresCallsAuditAndPlots() {
        String markdown = ReportWriter.markdown(report("max", "none", 100, 1500, 10));

        assertThat(markdown).contains("# orderflow benchmark: system pipeline", "| ready <= 30 s | 11.0 s",
                "p50 300 ms, p95 700 ms, p99 900 ms", "Retry amplification: **1.000** calls per logical operation",
                "| stock.reserve | 100 | 100 | OK 100 |", "**All invariants hold** over 3000 side effects",
                "| benchmark JVM | 1 | 1500 | 750 | 1.20 |",
                "The machine's CPU was 90 % busy over the run",
                "Before the run one core of this machine sorted 61.2 million ints/s and PostgreSQL committed 2346",
                "![throughput](throughput.png)", "Every order settled");
    }
}
