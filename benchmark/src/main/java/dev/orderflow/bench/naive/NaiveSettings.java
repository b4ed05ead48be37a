package dev.orderflow.bench.naive;

import dev.orderflow.runtime.config.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a naive baseline run is driven.
 *
 * @param orders            orders placed
 * @param perSecond         placement rate; {@link #MAX_RATE} for as fast as the intake takes them
 * @param faults            the provider sandbox's fault profile: none, realistic or harsh
 * @param faultOverrides    per-operation fault settings on top of the profile, as {@code PUT /admin/faults} takes
 *                          them (operation → setting → value); empty for the profile as it is
 * @param attempts          attempts per provider call (the fixed blind-retry count plus one)
 * @param attemptTimeout    HTTP timeout of one attempt (the stage-aware default is 2 s)
 * @param retryKeys         which idempotency key a retry sends
 * @param consumersPerStage consumer threads per stage (one per partition, as a listener container's concurrency)
 * @param partitions        partitions of each naive topic
 * @param drainTimeout      how long to wait after the last order for every order to settle
 */
public record NaiveSettings(int orders, int perSecond, String faults, Map<String, Map<String, Object>> faultOverrides,
        int attempts, Duration attemptTimeout, RetryKeys retryKeys, int consumersPerStage, int partitions,
        Duration drainTimeout) {

    public static final List<String> PROFILES = List.of("none", "realistic", "harsh");
    /** Partitions of each naive topic by default, as the platform's order topics. */
    public static final int DEFAULT_PARTITIONS = 6;
    /** {@code perSecond} of a run that places its orders as fast as it can. */
    public static final int MAX_RATE = 0;

    public NaiveSettings {
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(retryKeys, "retryKeys");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        faultOverrides = Map.copyOf(faultOverrides);
        require(orders >= 1, "orders", orders, "must be at least 1");
        require(perSecond >= 1 || perSecond == MAX_RATE, "perSecond", perSecond, "must be at least 1, or "
                + MAX_RATE + " for no pacing");
        require(PROFILES.contains(faults), "faults", faults, "use none, realistic or harsh");
        require(attempts >= 1, "attempts", attempts, "must be at least 1");
        require(Durations.isPositive(attemptTimeout), "attemptTimeout", attemptTimeout, "must be positive");
        require(consumersPerStage >= 1, "consumersPerStage", consumersPerStage, "must be at least 1");
        require(partitions >= 1, "partitions", partitions, "must be at least 1");
        require(Durations.isPositive(drainTimeout), "drainTimeout", drainTimeout, "must be positive");
    }

    /** Whether orders are placed as fast as they can be, without pacing. */
    public boolean unpaced() {
        return perSecond == MAX_RATE;
    }

    /** The defaults: three attempts, 2 s per attempt, a new key per attempt, six partitions and consumers. */
    public static NaiveSettings of(int orders, int perSecond, String faults) {
        return new NaiveSettings(orders, perSecond, faults, Map.of(), 3, Duration.ofSeconds(2), RetryKeys.PER_ATTEMPT,
                DEFAULT_PARTITIONS, DEFAULT_PARTITIONS, Duration.ofSeconds(120));
    }

    public NaiveSettings withOrders(int count) {
        return new NaiveSettings(count, perSecond, faults, faultOverrides, attempts, attemptTimeout, retryKeys,
                consumersPerStage, partitions, drainTimeout);
    }

    public NaiveSettings withFaultOverrides(Map<String, Map<String, Object>> overrides) {
        return new NaiveSettings(orders, perSecond, faults, overrides, attempts, attemptTimeout, retryKeys,
                consumersPerStage, partitions, drainTimeout);
    }

    public NaiveSettings withRetryKeys(RetryKeys keys) {
        return new NaiveSettings(orders, perSecond, faults, faultOverrides, attempts, attemptTimeout, keys,
                consumersPerStage, partitions, drainTimeout);
    }

    public NaiveSettings withConsumers(int perStage, int topicPartitions) {
        return new NaiveSettings(orders, perSecond, faults, faultOverrides, attempts, attemptTimeout, retryKeys,
                perStage, topicPartitions, drainTimeout);
    }

    public NaiveSettings withDrainTimeout(Duration timeout) {
        return new NaiveSettings(orders, perSecond, faults, faultOverrides, attempts, attemptTimeout, retryKeys,
                consumersPerStage, partitions, timeout);
    }

    private static void require(boolean ok, String name, Object value, String reason) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid value " + value + " for configuration " + name + ": " + reason);
        }
    }
}
