package dev.orderflow.runtime.policy;

import dev.orderflow.runtime.config.Durations;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Loads a {@link StagePolicy} from {@code policy.<stage>.*} keys, validated with Kafka's {@link ConfigDef}: a bad
 * value stops start-up naming the full key. Each service passes its own defaults (payment waits longer than
 * inventory before escalating), and configuration overrides them key by key.
 */
public final class StagePolicyConfig {

    public static final String PREFIX = "policy.";
    public static final String ATTEMPT_TIMEOUT = "attempt.timeout";
    public static final String MAX_QUICK_RETRIES = "max.quick.retries";
    public static final String BACKOFF_INITIAL = "backoff.initial";
    public static final String BACKOFF_MAX = "backoff.max";
    public static final String MAX_CONCURRENT_CALLS = "max.concurrent.calls";
    public static final String BREAKER_FAILURE_RATE = "breaker.failure.rate";
    public static final String BREAKER_MINIMUM_CALLS = "breaker.minimum.calls";
    public static final String BREAKER_OPEN = "breaker.open";
    public static final String STATUS_QUERY_SCHEDULE = "status.query.schedule";
    public static final String DEFERRAL_SCHEDULE = "deferral.schedule";
    public static final String ESCALATION_DEADLINE = "escalation.deadline";
    public static final String RETRY_BUDGET_RATIO = "retry.budget.ratio";
    public static final String RETRY_BUDGET_MIN_PER_SECOND = "retry.budget.min.per.second";

    private StagePolicyConfig() {
    }

    /** The defaults every stage starts from; services override what differs for them. */
    public static Map<String, String> baseDefaults() {
        Map<String, String> d = new HashMap<>();
        d.put(ATTEMPT_TIMEOUT, "2s");
        d.put(MAX_QUICK_RETRIES, "2");
        d.put(BACKOFF_INITIAL, "50ms");
        d.put(BACKOFF_MAX, "1s");
        d.put(MAX_CONCURRENT_CALLS, "64");
        d.put(BREAKER_FAILURE_RATE, "50");
        d.put(BREAKER_MINIMUM_CALLS, "20");
        d.put(BREAKER_OPEN, "5s");
        d.put(STATUS_QUERY_SCHEDULE, "2s,10s,30s,1m");
        d.put(DEFERRAL_SCHEDULE, "1s,5s,30s,2m");
        d.put(ESCALATION_DEADLINE, "15m");
        d.put(RETRY_BUDGET_RATIO, "0.1");
        d.put(RETRY_BUDGET_MIN_PER_SECOND, "1");
        return d;
    }

    /**
     * Reads the policy of {@code stage}: {@code defaults} (unprefixed keys) overridden by {@code policy.<stage>.*}
     * entries of {@code config}. Unknown {@code policy.<stage>.*} keys are refused, so a typo is not ignored.
     */
    public static StagePolicy load(String stage, Map<String, ?> config, Map<String, String> defaults) {
        String prefix = PREFIX + stage + ".";
        ConfigDef def = definition(prefix, defaults);
        Map<String, Object> own = config.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (String key : own.keySet()) {
            if (!def.names().contains(key)) {
                throw new ConfigException(key, own.get(key), "unknown policy key; known: " + def.names().stream()
                        .sorted().collect(Collectors.joining(", ")));
            }
        }
        AbstractConfig values = new AbstractConfig(def, own, false);
        StagePolicy policy = new StagePolicy(stage,
                Durations.parse(prefix + ATTEMPT_TIMEOUT, values.getString(prefix + ATTEMPT_TIMEOUT)),
                values.getInt(prefix + MAX_QUICK_RETRIES),
                Durations.parse(prefix + BACKOFF_INITIAL, values.getString(prefix + BACKOFF_INITIAL)),
                Durations.parse(prefix + BACKOFF_MAX, values.getString(prefix + BACKOFF_MAX)),
                values.getInt(prefix + MAX_CONCURRENT_CALLS),
                values.getDouble(prefix + BREAKER_FAILURE_RATE).floatValue(),
                values.getInt(prefix + BREAKER_MINIMUM_CALLS),
                Durations.parse(prefix + BREAKER_OPEN, values.getString(prefix + BREAKER_OPEN)),
                Durations.parseList(prefix + STATUS_QUERY_SCHEDULE, values.getString(prefix + STATUS_QUERY_SCHEDULE)),
                Durations.parseList(prefix + DEFERRAL_SCHEDULE, values.getString(prefix + DEFERRAL_SCHEDULE)),
                Durations.parse(prefix + ESCALATION_DEADLINE, values.getString(prefix + ESCALATION_DEADLINE)),
                values.getDouble(prefix + RETRY_BUDGET_RATIO),
                values.getInt(prefix + RETRY_BUDGET_MIN_PER_SECOND));
        if (policy.backoffMax().compareTo(policy.backoffInitial()) < 0) {
            throw new ConfigException(prefix + BACKOFF_MAX, values.getString(prefix + BACKOFF_MAX),
                    "must not be shorter than " + prefix + BACKOFF_INITIAL);
        }
        return policy;
    }

    /** The keys of one stage's policy, with defaults and documentation (also used to render the reference). */
    public static ConfigDef definition(String prefix, Map<String, String> defaults) {
        Map<String, String> d = new HashMap<>(baseDefaults());
        d.putAll(defaults);
        return new ConfigDef()
                .define(prefix + ATTEMPT_TIMEOUT, Type.STRING, d.get(ATTEMPT_TIMEOUT), Durations.positive(),
                        Importance.HIGH, "Longest a single provider call may take; a timeout is an ambiguous outcome.")
                .define(prefix + MAX_QUICK_RETRIES, Type.INT, Integer.valueOf(d.get(MAX_QUICK_RETRIES)),
                        Range.between(0, 10), Importance.HIGH,
                        "Immediate retries of a transient or overload failure (within the retry budget).")
                .define(prefix + BACKOFF_INITIAL, Type.STRING, d.get(BACKOFF_INITIAL), Durations.positive(),
                        Importance.MEDIUM, "Backoff bound before the first quick retry; doubles per retry, full jitter.")
                .define(prefix + BACKOFF_MAX, Type.STRING, d.get(BACKOFF_MAX), Durations.positive(),
                        Importance.MEDIUM, "Cap of the backoff; a Retry-After longer than this defers the work instead.")
                .define(prefix + MAX_CONCURRENT_CALLS, Type.INT, Integer.valueOf(d.get(MAX_CONCURRENT_CALLS)),
                        Range.between(1, 10_000), Importance.MEDIUM, "Bulkhead: provider calls in flight per instance.")
                .define(prefix + BREAKER_FAILURE_RATE, Type.DOUBLE, Double.valueOf(d.get(BREAKER_FAILURE_RATE)),
                        Range.between(1, 100), Importance.MEDIUM, "Failure percentage that opens the circuit breaker.")
                .define(prefix + BREAKER_MINIMUM_CALLS, Type.INT, Integer.valueOf(d.get(BREAKER_MINIMUM_CALLS)),
                        Range.between(1, 10_000), Importance.LOW, "Calls in the window before the failure rate counts.")
                .define(prefix + BREAKER_OPEN, Type.STRING, d.get(BREAKER_OPEN), Durations.positive(), Importance.MEDIUM,
                        "How long an open breaker refuses calls before letting a few through.")
                .define(prefix + STATUS_QUERY_SCHEDULE, Type.STRING, d.get(STATUS_QUERY_SCHEDULE),
                        Durations.positiveList(), Importance.HIGH,
                        "Delays of deferred status re-checks of an ambiguous outcome; the last one repeats.")
                .define(prefix + DEFERRAL_SCHEDULE, Type.STRING, d.get(DEFERRAL_SCHEDULE), Durations.positiveList(),
                        Importance.HIGH, "Delays of deferred retries once quick retries are spent; the last one repeats.")
                .define(prefix + ESCALATION_DEADLINE, Type.STRING, d.get(ESCALATION_DEADLINE), Durations.positive(),
                        Importance.HIGH, "How long an outcome may stay unresolved before operators are called.")
                .define(prefix + RETRY_BUDGET_RATIO, Type.DOUBLE, Double.valueOf(d.get(RETRY_BUDGET_RATIO)),
                        Range.between(0, 10), Importance.MEDIUM,
                        "Retries may add at most this fraction of the call rate; beyond it work is deferred.")
                .define(prefix + RETRY_BUDGET_MIN_PER_SECOND, Type.INT,
                        Integer.valueOf(d.get(RETRY_BUDGET_MIN_PER_SECOND)), Range.between(0, 10_000), Importance.LOW,
                        "Retries per second always allowed, so a quiet stage can still retry.");
    }
}
