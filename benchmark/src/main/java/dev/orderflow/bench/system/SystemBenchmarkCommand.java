package dev.orderflow.bench.system;

import dev.orderflow.bench.naive.NaiveBaseline;
import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.runtime.outbox.OutboxMode;
import dev.orderflow.sandbox.client.CallCounts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchmark system}: orders through the whole platform on the embedded default, with a report. */
@Command(name = "system", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Drives N orders at a rate (or as fast as they go) through the whole platform",
            "on the embedded default (broker, registry, PostgreSQL, outbox relay, stage",
            "services, order-stream, provider sandbox) and reports throughput to shipment",
            "accepted and delivered, latency percentiles, relay events/s, retry",
            "amplification (provider calls per logical operation), CPU and memory of every",
            "process and the providers' invariant audit, against the targets of issue 9.",
            "Writes report.md, report.json and PNG plots to --report-dir."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/benchmark system --orders 20000 --rate max --report-dir target/bench/max",
            "  bin/benchmark system --orders 20000 --rate 300 --report-dir target/bench/p99",
            "  bin/benchmark system --orders 5000 --rate 200 --faults transient5 --report-dir target/bench/transient",
            "  bin/benchmark system --orders 3000 --rate 100 --faults overload --retry-budget off --report-dir x",
            "",
            "Exit codes: 0 measured, 1 a part failed, 2 bad arguments,",
            "3 measured, but an invariant was violated or orders did not settle before the drain timeout."})
public final class SystemBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "2000",
            description = "Orders to place (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--rate", paramLabel = "PER_SECOND|max", defaultValue = "max",
            description = "Orders placed per second, or max for as fast as they can be sent (default: ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--faults", paramLabel = "SETTING", defaultValue = "none",
            description = "Provider faults: none, realistic, harsh (the sandbox's profiles), transient5 (5 %% transient"
                    + " errors on every call), overload (a 429/503 storm on half the create calls), overload:PERCENT"
                    + " (on that share of them) or @file.json (a PUT /admin/faults body) (default: ${DEFAULT-VALUE}).")
    String faults;

    @Option(names = "--retry-budget", paramLabel = "on|off", defaultValue = "on",
            description = "The stage services' retry budget; off lifts it (default: ${DEFAULT-VALUE}).")
    String retryBudget;

    @Option(names = "--outbox-write", paramLabel = "table|message", defaultValue = "table",
            description = "How the services write their outbox: rows of the outbox table or transactional logical"
                    + " decoding messages (default: ${DEFAULT-VALUE}).")
    String outboxWrite;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A stage-service setting on top of the platform's, e.g. --set fulfillment.feed.enabled=false "
                    + "(repeatable; a key only some services define goes to those).")
    Map<String, String> serviceSettings = new LinkedHashMap<>();

    @Option(names = "--baseline", paramLabel = "naive|none", defaultValue = "naive",
            description = "Then run the naive baseline on the same broker and PostgreSQL, with the same orders, rate"
                    + " and faults, and report the system's throughput as a share of it; none skips it"
                    + " (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
            description = "Orders placed (at 20/s) and worked to delivery before the measured run, so the JIT"
                    + " has compiled the hot paths, consumer groups have joined and connections are open; not"
                    + " measured (default: ${DEFAULT-VALUE}; 0: none).")
    int warmup;

    @Option(names = "--warmup-burst", paramLabel = "N", defaultValue = "0",
            description = "Then orders placed at the run's own rate and worked to delivery, unmeasured, so the JIT has"
                    + " also compiled the paths of that load (full batches at max); the naive baseline gets the same"
                    + " burst in a run of its own before its measured run (default: ${DEFAULT-VALUE}: none; the"
                    + " baseline gains more from it than the system, docs/benchmark.md).")
    int warmupBurst;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait after the last order for every order to settle (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--report-dir", paramLabel = "DIR", required = true,
            description = "Where report.md, report.json and the plots go (created if missing).")
    Path reportDir;

    @Option(names = "--registry-jar", paramLabel = "FILE",
            defaultValue = "${sys:orderflow.registry.jar:-schema-registry-server/target/quarkus-app/quarkus-run.jar}",
            description = "The schema registry server to run (default: ${DEFAULT-VALUE}).")
    Path registryJar;

    /**
     * Slow enough to leave the JIT compiler spare CPU: a run in a cold JVM measures the compiler as much as the
     * platform. At 120 orders/s, p99 was 1.45 s with 20 warm-up orders and 0.56 s after 1,000 placed at 20/s; 1,000
     * placed at 100/s (10 s, the compiler still busy) was not enough (docs/benchmark.md, "Two things that moved every
     * figure").
     */
    private static final int WARMUP_RATE = 20;
    private static final Duration WARMUP_TIMEOUT = Duration.ofSeconds(120);

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        int perSecond = validate();
        out = spec.commandLine().getOut();
        FaultSetting faultSetting = FaultSetting.parse(faults);
        boolean budget = retryBudget.equals("on");
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        progress("starting the infrastructure (broker, schema registry, PostgreSQL) ...");
        try (Infrastructure infrastructure = Infrastructure.start(registryJar)) {
            progress(String.format(Locale.ROOT, "  ready in %.1f s", infrastructure.readyIn().toMillis() / 1000.0));
            MachineSpeed machine = MachineSpeed.measure(
                    infrastructure.createDatabases(List.of("machine_speed")).get("machine_speed"));
            progress(String.format(Locale.ROOT, "  this machine now: one core sorts %.1f million ints/s,"
                    + " PostgreSQL commits %.0f single-row transactions/s", machine.sortedMillionsPerSecond(),
                    machine.postgresCommitsPerSecond()));
            BenchmarkReport report = run(new SystemPipeline(faultSetting, budget, OutboxMode.parse(outboxWrite), serviceSettings), infrastructure,
                    perSecond, startedAt, faultSetting, budget, machine);
            if (baseline.equals("naive")) {
                report = withBaseline(report, infrastructure, faultSetting, perSecond);
            }
            List<Path> files = ReportWriter.write(report, reportDir);
            printSummary(report, files);
            return report.settled() && report.findings().audit().holds() ? 0 : 3;
        } catch (InfrastructureStartException e) {
            spec.commandLine().getErr().println("Start failed: " + e.getMessage());
            return 1;
        }
    }

    /** One pipeline run on running infrastructure: start it, load it, drain it, gather its figures. */
    private BenchmarkReport run(Pipeline pipeline, Infrastructure infrastructure, int perSecond, String startedAt,
                                FaultSetting faultSetting, boolean budget, MachineSpeed machine) throws Exception {
        RunRecorder recorder = new RunRecorder();
        progress("starting the " + pipeline.name() + " pipeline (relay, services, order-stream, sandbox) ...");
        long servicesStarted = System.nanoTime();
        try (pipeline; ProcessSampler sampler = new ProcessSampler(processGroups(infrastructure))) {
            ForwardingListener listener = new ForwardingListener(new RunRecorder());
            pipeline.start(infrastructure, listener);
            double servicesSeconds = (System.nanoTime() - servicesStarted) / 1e9;
            progress(String.format(Locale.ROOT, "  ready in %.1f s", servicesSeconds));
            warmUp(pipeline, listener, perSecond);
            CallCounts beforeRun = pipeline.findings().providerCalls();
            listener.switchTo(recorder);
            progress(String.format(Locale.ROOT, "placing %d orders at %s/s with faults %s, retry "
                    + "budget %s ...", orders, rate, faultSetting.name(), retryBudget));
            sampler.start();
            LoadGenerator load = new LoadGenerator(pipeline, recorder, Clock.systemUTC());
            CompletableFuture<Void> placing = CompletableFuture.runAsync(() -> {
                try {
                    load.run(orders, perSecond);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            boolean settled = drain(recorder, placing);
            PipelineFindings total = pipeline.findings();
            PipelineFindings findings = new PipelineFindings(total.providerCalls().since(beforeRun), total.audit());
            ResourceUsage resources = sampler.finish().withMachineSpeed(machine);
            RunFigures figures = RunFigures.compute(recorder.data());
            BenchmarkReport.Settings settings = new BenchmarkReport.Settings(orders, rate, faultSetting.name(),
                    faultSetting.describe(), budget, drainSeconds, commandLine());
            return new BenchmarkReport(pipeline.name(), startedAt, settings, new BenchmarkReport.Readiness(
                    infrastructure.readyIn().toMillis() / 1000.0, servicesSeconds), settled, figures, findings,
                    resources, List.of(), null).withTargets();
        }
    }

    /**
     * Runs the naive baseline after the system, on the same infrastructure (its own topics, database and provider
     * sandbox), one after the other so the two never share the cores.
     */
    private BenchmarkReport withBaseline(BenchmarkReport report, Infrastructure infrastructure,
                                         FaultSetting faultSetting, int perSecond) throws Exception {
        var settings = BaselineRun.settingsFor(faultSetting, orders, perSecond, Duration.ofSeconds(drainSeconds));
        if (settings.isEmpty()) {
            progress("the naive baseline cannot take the fault setting " + faultSetting.name() + "; not run");
            return report;
        }
        if (warmupBurst > 0) {
            progress("warming the naive baseline up with " + warmupBurst + " orders at " + rate
                    + "/s (not measured) ...");
            NaiveBaseline.run(settings.get().withOrders(warmupBurst), infrastructure.bootstrapServers(),
                    infrastructure.postgres(), out);
        }
        progress("running the naive baseline on the same broker and PostgreSQL ...");
        var result = NaiveBaseline.run(settings.get(), infrastructure.bootstrapServers(), infrastructure.postgres(),
                out);
        return report.withBaseline(BaselineRun.of(result, report.figures().acceptedPerSecond(),
                report.figures().deliveredPerSecond(), commandLine()));
    }

    /**
     * Works {@code --warmup} orders at 20/s (or the run's rate, when slower), then {@code --warmup-burst} orders at
     * the run's rate, through to the end, unmeasured; a warm-up that does not settle is reported.
     */
    private void warmUp(Pipeline pipeline, ForwardingListener listener, int perSecond) throws InterruptedException {
        if (warmup > 0) {
            int warmupRate = perSecond == LoadGenerator.MAX_RATE ? WARMUP_RATE : Math.min(WARMUP_RATE, perSecond);
            progress("warming up with " + warmup + " orders at " + warmupRate + "/s (not measured) ...");
            warmUpWith(pipeline, listener, warmup, warmupRate);
        }
        if (warmupBurst > 0) {
            progress("warming up with " + warmupBurst + " orders at " + rate + "/s (not measured) ...");
            warmUpWith(pipeline, listener, warmupBurst, perSecond);
        }
    }

    private void warmUpWith(Pipeline pipeline, ForwardingListener listener, int count, int perSecond)
            throws InterruptedException {
        RunRecorder warmRecorder = new RunRecorder();
        listener.switchTo(warmRecorder);
        new LoadGenerator(pipeline, warmRecorder, Clock.systemUTC()).run(count, perSecond);
        if (!warmRecorder.awaitSettled(count, WARMUP_TIMEOUT)) {
            progress("  warm-up orders did not all settle within " + WARMUP_TIMEOUT.toSeconds() + " s: "
                    + warmRecorder.counts());
        }
    }

    /** Waits for every order to settle, showing progress, until the drain timeout after the last placed order. */
    private boolean drain(RunRecorder recorder, CompletableFuture<Void> placing) throws Exception {
        long deadline = Long.MAX_VALUE;
        while (true) {
            boolean settled = recorder.awaitSettled(orders, Duration.ofSeconds(1));
            RunRecorder.StageSample sample = recorder.sampleStages(System.currentTimeMillis());
            if (placing.isDone() && deadline == Long.MAX_VALUE) {
                placing.join();
                deadline = System.nanoTime() + Duration.ofSeconds(drainSeconds).toNanos();
            }
            progress("  " + sample.counts().entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT)
                    + " " + e.getValue()).collect(Collectors.joining(" | ")));
            if (settled) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
        }
    }

    private static List<ProcessSampler.Group> processGroups(Infrastructure infrastructure) {
        List<ProcessSampler.Group> groups = new java.util.ArrayList<>();
        groups.add(new ProcessSampler.Group("benchmark JVM (relay, services, order-stream, sandbox, load)",
                () -> List.of(ProcessHandle.current().pid()), false));
        for (Map.Entry<String, Long> jvm : infrastructure.childJvms().entrySet()) {
            groups.add(new ProcessSampler.Group(jvm.getKey() + " JVM", () -> List.of(jvm.getValue()), false));
        }
        groups.add(new ProcessSampler.Group("PostgreSQL (all processes)", () -> infrastructure.postmasterPid()
                .map(ProcFs::withChildren).orElse(List.of()), true));
        return groups;
    }

    private void printSummary(BenchmarkReport report, List<Path> files) {
        out.println();
        out.println("Targets (issue 9):");
        for (TargetCheck t : report.targets()) {
            out.printf(Locale.ROOT, "  %-58s %s -> %s%n", t.target(), t.measured(), t.verdict());
        }
        RunFigures f = report.figures();
        out.printf(Locale.ROOT, "Latency placed -> shipment accepted: p50 %d ms, p95 %d ms, p99 %d ms (%d orders)%n",
                f.latency().p50(), f.latency().p95(), f.latency().p99(), f.latency().count());
        if (!report.settings().atMaxRate()) {
            out.printf(Locale.ROOT, "  %s%n", f.drift().describe());
        }
        f.hops().forEach((step, l) -> out.printf(Locale.ROOT, "  step %-32s p50 %d ms, p95 %d ms, p99 %d ms%n", step,
                l.p50(), l.p95(), l.p99()));
        out.printf(Locale.ROOT, "Relay: %d events, %.0f events/s; retry amplification %.3f; invariants %s%n",
                f.relayedEvents(), f.relayedPerSecond(), report.findings().providerCalls().amplification(),
                report.findings().audit().holds() ? "hold" : "VIOLATED");
        out.printf(Locale.ROOT, "Provider call outcomes: %s%n", report.findings().providerCalls().outcomes());
        if (report.baseline() != null) {
            BaselineRun b = report.baseline();
            out.printf(Locale.ROOT, "Naive baseline (same broker and PostgreSQL): %.1f orders/s to shipment accepted,"
                    + " ours %.1f = %.0f %%; %.1f orders/s to delivered, ours %.1f = %.0f %%%n", b.shippedPerSecond(),
                    f.acceptedPerSecond(), 100 * b.ratio(), b.deliveredPerSecond(), f.deliveredPerSecond(),
                    100 * b.deliveredRatio());
        }
        if (!report.settled()) {
            out.println("NOT every order settled before the drain timeout.");
        }
        out.println("Report: " + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        out.flush();
    }

    private int validate() {
        if (orders < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--orders must be at least 1");
        }
        if (!baseline.equals("naive") && !baseline.equals("none")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--baseline must be naive or none");
        }
        if (!retryBudget.equals("on") && !retryBudget.equals("off")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--retry-budget must be on or off");
        }
        if (!OutboxMode.names().contains(outboxWrite)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--outbox-write must be "
                    + String.join(" or ", OutboxMode.names()));
        }
        if (warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup must not be negative");
        }
        if (warmupBurst < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup-burst must not be negative");
        }
        if (drainSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--drain-timeout must be at least 1");
        }
        try {
            FaultSetting.parse(faults);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (rate.equals("max")) {
            return LoadGenerator.MAX_RATE;
        }
        try {
            int perSecond = Integer.parseInt(rate);
            if (perSecond < 1) {
                throw new NumberFormatException();
            }
            return perSecond;
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value " + rate + " for --rate: a positive number of orders per second, or max");
        }
    }

    private String commandLine() {
        StringBuilder sets = new StringBuilder();
        serviceSettings.forEach((key, value) -> sets.append(" --set ").append(key).append('=').append(value));
        return String.format(Locale.ROOT, "bin/benchmark system --orders %d --rate %s --faults %s --retry-budget %s"
                + " --outbox-write %s%s --baseline %s --warmup %d --warmup-burst %d --drain-timeout %d --report-dir %s",
                orders, rate, faults, retryBudget, outboxWrite, sets, baseline, warmup, warmupBurst, drainSeconds,
                reportDir);
    }

    private void progress(String line) {
        out.printf("%tT %s%n", System.currentTimeMillis(), line);
        out.flush();
    }
}
