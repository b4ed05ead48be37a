package dev.orderflow.bench.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Everything one benchmark run found: what was run, how long the system took to be ready, the run's figures, the
 * providers' view, resources, and the targets. Written as report.json and report.md.
 *
 * @param pipeline  which pipeline ran ({@code system})
 * @param startedAt when the run started (ISO-8601 UTC)
 * @param settings  how it was driven
 * @param readiness start-up times
 * @param settled   whether every order settled before the drain timeout
 * @param figures   throughput, latency, relay rate, stages, series
 * @param findings  provider calls and invariant audit
 * @param resources CPU and memory of every process
 * @param targets   the targets against this run (filled by {@link #withTargets()})
 * @param baseline  the naive baseline's run on the same infrastructure right after, or null when it did not run
 */
public record BenchmarkReport(String pipeline, String startedAt, Settings settings, Readiness readiness,
                              boolean settled, RunFigures figures, PipelineFindings findings,
                              ResourceUsage resources, List<TargetCheck> targets, BaselineRun baseline) {

    /**
     * @param orders             orders placed
     * @param rate               orders per second asked for, or {@code max}
     * @param faults             the --faults value
     * @param faultsDescription  what it does
     * @param retryBudget        whether the stage services' retry budget was on
     * @param drainTimeoutSeconds how long the run waited for orders to settle after the last was placed
     * @param command            the command line that reproduces the run
     */
    public record Settings(int orders, String rate, String faults, String faultsDescription, boolean retryBudget,
                           int drainTimeoutSeconds, String command) {

        /** Orders placed all at once rather than at a set rate: a burst is behind by design. */
        public boolean atMaxRate() {
            return rate.equals("max");
        }
    }

    /**
     * @param infrastructureSeconds broker, registry and PostgreSQL (in parallel) up, schemas registered
     * @param servicesSeconds       then topics, migrations, relay streaming, sandbox, services, order-stream
     */
    public record Readiness(double infrastructureSeconds, double servicesSeconds) {
        @JsonProperty
        public double totalSeconds() {
            return infrastructureSeconds + servicesSeconds;
        }
    }

    public BenchmarkReport withTargets() {
        return new BenchmarkReport(pipeline, startedAt, settings, readiness, settled, figures, findings, resources,
                TargetCheck.evaluate(this), baseline);
    }

    /** This report with the baseline's run, targets judged again. */
    public BenchmarkReport withBaseline(BaselineRun run) {
        return new BenchmarkReport(pipeline, startedAt, settings, readiness, settled, figures, findings, resources,
                targets, run).withTargets();
    }
}
