package dev.orderflow.bench.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Samples CPU time and memory of groups of processes once a second: the benchmark JVM itself (which runs the relay,
 * the stage services, order-stream and the sandbox, as the local platform does), the broker and registry JVMs (RSS)
 * and PostgreSQL's processes (PSS, so shared buffers count once). CPU is the sum of every process's CPU time
 * over the sampled window, including processes that came and went between samples' sight.
 */
final class ProcessSampler implements AutoCloseable {

    /** A group of processes measured together, and how its memory is counted. */
    record Group(String name, Supplier<List<Long>> pids, boolean proportional) {
    }

    private final List<Group> groups;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-process-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, GroupFigures> figures = new LinkedHashMap<>();
    private final Map<Long, Long> lastTicks = new HashMap<>();
    private final List<Long> totalKbPerSample = new ArrayList<>();
    private long startedNanos;
    private long lastNanos;
    private long[] machineAtStart;

    ProcessSampler(List<Group> groups) {
        this.groups = List.copyOf(groups);
        groups.forEach(g -> figures.put(g.name(), new GroupFigures()));
    }

    void start() {
        startedNanos = System.nanoTime();
        machineAtStart = ProcFs.machineTicks().orElse(null);
        sample();
        timer.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        long total = 0;
        for (Group group : groups) {
            GroupFigures f = figures.get(group.name());
            long kb = 0;
            List<Long> pids = group.pids().get();
            for (long pid : pids) {
                OptionalLong memory = group.proportional() ? ProcFs.pssKb(pid) : ProcFs.rssKb(pid);
                kb += memory.orElse(0);
                OptionalLong ticks = ProcFs.cpuTicks(pid);
                if (ticks.isPresent()) {
                    Long previous = lastTicks.put(pid, ticks.getAsLong());
                    // A process first seen after the start counts from its birth; one seen at the start from then.
                    boolean baseline = f.samples == 0;
                    if (!baseline) {
                        f.ticks += ticks.getAsLong() - (previous == null ? 0 : previous);
                    }
                }
            }
            f.samples++;
            f.processes = Math.max(f.processes, pids.size());
            f.peakKb = Math.max(f.peakKb, kb);
            f.sumKb += kb;
            total += kb;
        }
        totalKbPerSample.add(total);
        lastNanos = System.nanoTime();
    }

    /** Stops sampling (after one last sample) and sums up. */
    synchronized ResourceUsage finish() {
        timer.shutdownNow();
        sample();
        double seconds = Math.max(1e-3, (lastNanos - startedNanos) / 1e9);
        List<ResourceUsage.GroupUsage> usage = new ArrayList<>();
        figures.forEach((name, f) -> usage.add(new ResourceUsage.GroupUsage(name, f.processes, f.peakKb / 1024.0,
                f.sumKb / 1024.0 / Math.max(1, f.samples), f.ticks / (double) ProcFs.TICKS_PER_SECOND / seconds)));
        long peakTotal = totalKbPerSample.stream().mapToLong(Long::longValue).max().orElse(0);
        double machineBusy = -1;
        long[] machineNow = ProcFs.machineTicks().orElse(null);
        if (machineAtStart != null && machineNow != null && machineNow[1] > machineAtStart[1]) {
            machineBusy = (machineNow[0] - machineAtStart[0]) / (double) (machineNow[1] - machineAtStart[1]);
        }
        return new ResourceUsage(usage, peakTotal / 1024.0, seconds, machineBusy, ProcFs.loadAverage(),
                Runtime.getRuntime().availableProcessors(), null);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class GroupFigures {
        long samples;
        int processes;
        long peakKb;
        long sumKb;
        long ticks;
    }
}
