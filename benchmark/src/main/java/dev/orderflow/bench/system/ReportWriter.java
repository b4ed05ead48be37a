package dev.orderflow.bench.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orderflow.sandbox.client.CallCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's report: report.json (every figure and the per-second series), report.md, and the plots. */
final class ReportWriter {

    static final String JSON = "report.json";
    static final String MARKDOWN = "report.md";

    private ReportWriter() {
    }

    /** Writes every file into {@code directory} (created if missing); returns the files written. */
    static List<Path> write(BenchmarkReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve(JSON);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        Path markdown = directory.resolve(MARKDOWN);
        Files.writeString(markdown, markdown(report));
        List<Path> plots = ReportPlots.write(report.figures(), directory);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(json, markdown), plots.stream()).toList();
    }

    /** The report for people: settings, targets, figures, provider calls, audit, resources. */
    static String markdown(BenchmarkReport r) {
        StringBuilder md = new StringBuilder();
        RunFigures f = r.figures();
        BenchmarkReport.Settings s = r.settings();
        md.append("# orderflow benchmark: ").append(r.pipeline()).append(" pipeline\n\n");
        md.append(line("Run %s: %d orders at %s orders/s, faults `%s` (%s), retry budget %s.", r.startedAt(),
                s.orders(), s.rate(), s.faults(), s.faultsDescription(), s.retryBudget() ? "on" : "OFF"));
        md.append(line("Reproduce: `%s`", s.command()));
        md.append(r.settled() ? line("Every order settled.")
                : line("**Not every order settled within the drain timeout of %d s** (see the stages below).",
                s.drainTimeoutSeconds()));
        md.append("\nFigures measured on a shared 2-core machine are floor figures.\n\n");

        md.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
        for (TargetCheck t : r.targets()) {
            md.append("| ").append(t.target()).append(" | ").append(t.measured()).append(" | ").append(t.verdict())
                    .append(" |\n");
        }

        md.append("\n## Throughput and latency\n\n| figure | value |\n|---|---|\n");
        row(md, "orders placed", "%d (%.0f/s)", f.placed(), f.placedPerSecond());
        row(md, "shipment accepted", "%d (%.1f orders/s from the first order placed to the last acceptance)",
                f.accepted(), f.acceptedPerSecond());
        row(md, "best " + RunFigures.PEAK_WINDOW_SECONDS + " s of acceptances", "%.1f orders/s",
                f.peakAcceptedPerSecond());
        row(md, "delivered", "%d (%.1f orders/s)", f.delivered(), f.deliveredPerSecond());
        latency(md, "placed → shipment accepted (event time)", f.latency());
        if (!s.atMaxRate()) {
            row(md, "placed → shipment accepted, by quarter of the orders", "%s", f.drift().describe());
        }
        latency(md, "placed → ShipmentAccepted read from Kafka", f.seenLatency());
        latency(md, "placed → delivered (incl. simulated fulfillment)", f.deliveryLatency());
        row(md, "events through the relay", "%d (%.0f events/s)", f.relayedEvents(), f.relayedPerSecond());
        md.append("\nWhere the time goes, step by step (between the event timestamps at both ends: each step is a "
                + "read from Kafka, a provider call and a database commit; the later two also wait for the relay):\n"
                + "\n| step | latency |\n|---|---|\n");
        f.hops().forEach((step, l) -> row(md, step, "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d orders)", l.p50(),
                l.p95(), l.p99(), l.max(), l.count()));

        md.append("\n## Where the orders ended\n\n| stage | orders |\n|---|---|\n");
        f.finalStages().forEach((stage, count) -> row(md, stage.name(), "%d", count));

        CallCounts calls = r.findings().providerCalls();
        md.append(line("\n## Provider calls\n\nRetry amplification: **%.3f** calls per logical operation (%d calls to "
                + "reserve, release, commit, authorize, void, refund and accept / %d distinct idempotency keys or "
                + "resources). All provider calls but the progress feed, status checks included: %d, %.3f per logical "
                + "operation.", calls.amplification(), calls.effectCalls(), calls.logicalOperations(), calls.calls(),
                calls.callsPerOperation()));
        md.append("\n| operation | calls | logical | outcomes |\n|---|---|---|---|\n");
        calls.operations().forEach((name, op) -> md.append(line("| %s | %d | %d | %s |", name, op.calls(),
                op.distinct(), outcomes(op.outcomes()))));

        InvariantAudit audit = r.findings().audit();
        md.append(line("\n## Invariant audit (provider ledger)\n\n**%s** over %d side effects.",
                audit.holds() ? "All invariants hold" : "INVARIANT VIOLATED", audit.ledgerEntries()));
        md.append("\n| invariant | violations |\n|---|---|\n");
        audit.violations().forEach((name, count) -> row(md, name, "%d", count));

        ResourceUsage res = r.resources();
        md.append(line("\n## CPU and memory\n\nSampled every second over %.0f s. Peak of the whole system: **%.0f MiB**;"
                + " CPU %.2f cores on average of the machine's %d. The machine's CPU was %.0f %% busy over the run"
                + " (every process on it, not only these), load average %.1f at the end.", res.seconds(),
                res.peakTotalMb(), res.totalCpuCores(), res.cores(), res.machineCpuBusy() * 100, res.loadAverage()));
        if (res.machineSpeed() != null) {
            MachineSpeed speed = res.machineSpeed();
            md.append(line("Before the run one core of this machine sorted %.1f million ints/s and PostgreSQL"
                    + " committed %.0f single-row transactions/s on one connection: compare runs only with similar"
                    + " figures.", speed.sortedMillionsPerSecond(), speed.postgresCommitsPerSecond()));
        }
        md.append("\n| process | processes | peak MiB | mean MiB | CPU cores |\n|---|---|---|---|---|\n");
        res.groups().forEach(g -> md.append(line("| %s | %d | %.0f | %.0f | %.2f |", g.name(), g.processes(),
                g.peakMb(), g.meanMb(), g.cpuCores())));
        md.append("\nJVMs count as RSS; PostgreSQL's processes as PSS (/proc/<pid>/smaps_rollup), so its shared "
                + "buffers count once.\n");

        if (r.baseline() != null) {
            md.append(line("\n## The naive baseline, same broker and PostgreSQL, run right after\n\nThe system's "
                    + "throughput to shipment accepted is **%.0f %%** of the baseline's (%.1f / %.1f orders/s); to "
                    + "delivered, %.0f %% (%.1f / %.1f orders/s). Both follow every shipment to delivery and commit "
                    + "its stock.\n", 100 * r.baseline().ratio(), f.acceptedPerSecond(),
                    r.baseline().shippedPerSecond(), 100 * r.baseline().deliveredRatio(), f.deliveredPerSecond(),
                    r.baseline().deliveredPerSecond()));
            md.append(r.baseline().markdown().replaceFirst("^# ", "### "));
        }

        md.append("\n## Plots\n\n![throughput](").append(ReportPlots.THROUGHPUT).append(")\n\n![latency](")
                .append(ReportPlots.LATENCY).append(")\n\n![stages](").append(ReportPlots.STAGES).append(")\n");
        return md.toString();
    }

    private static void latency(StringBuilder md, String name, LatencySummary l) {
        row(md, name, "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d orders)", l.p50(), l.p95(), l.p99(), l.max(),
                l.count());
    }

    private static String outcomes(Map<String, Long> outcomes) {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return text.toString();
    }

    private static void row(StringBuilder md, String name, String format, Object... args) {
        md.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, format, args)).append(" |\n");
    }

    private static String line(String format, Object... args) {
        return String.format(Locale.ROOT, format, args) + "\n";
    }
}
