package dev.orderflow.bench.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * CPU and memory of the whole embedded system over a run.
 *
 * @param groups      per group of processes
 * @param peakTotalMb the largest sum of every group's memory in one sample (MiB)
 * @param seconds     the sampled window
 * @param machineCpuBusy share of all the machine's CPU time that was busy over the window, whoever used it
 *                    (0..1; -1 unknown): near 1 with little used by the groups means other work held the cores
 * @param loadAverage the machine's 1-minute load average at the end (-1 unknown)
 * @param cores       the machine's cores
 * @param machineSpeed the machine's speed measured before the run, null when not measured
 */
public record ResourceUsage(List<GroupUsage> groups, double peakTotalMb, double seconds, double machineCpuBusy,
                            double loadAverage, int cores, MachineSpeed machineSpeed) {

    public ResourceUsage {
        groups = List.copyOf(groups);
    }

    /** These figures with the machine's speed. */
    public ResourceUsage withMachineSpeed(MachineSpeed speed) {
        return new ResourceUsage(groups, peakTotalMb, seconds, machineCpuBusy, loadAverage, cores, speed);
    }

    /** CPU cores used on average, all groups together. */
    @JsonProperty
    public double totalCpuCores() {
        return groups.stream().mapToDouble(GroupUsage::cpuCores).sum();
    }

    /**
     * @param name      e.g. {@code Kafka broker}
     * @param processes most processes seen at once
     * @param peakMb    largest memory sample (RSS, or PSS for PostgreSQL) in MiB
     * @param meanMb    mean memory sample in MiB
     * @param cpuCores  CPU time / wall time: 1.0 is one core busy all the time
     */
    public record GroupUsage(String name, int processes, double peakMb, double meanMb, double cpuCores) {
    }
}
