package dev.orderflow.bench.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * CPU and memory of the whole embedded system over a run.
 *
 * @param groups      per group of processes
 * @param peakTotalMb the largest sum of every group's memory in one sample (MiB)
 * @param seconds     the sampled window
 */
public record ResourceUsage(List<GroupUsage> groups, double peakTotalMb, double seconds) {

    public ResourceUsage {
        groups = List.copyOf(groups);
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
