package dev.orderflow.bench.system;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.bench.naive.NaiveReport;
import dev.orderflow.bench.naive.NaiveResult;
import dev.orderflow.bench.naive.NaiveSettings;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The naive baseline's run in the same invocation as the system's, on the same broker and PostgreSQL server, with the
 * same orders, rate and provider faults, and the system's throughput as a share of it.
 *
 * @param shippedPerSecond the baseline's orders/s to shipment accepted (first order placed → last shipment accepted)
 * @param ratio            the system's orders/s to shipment accepted / {@code shippedPerSecond}
 * @param deliveredPerSecond the baseline's orders/s to delivered (first order placed → last delivery)
 * @param deliveredRatio   the system's orders/s to delivered / {@code deliveredPerSecond}
 * @param figures          every figure of the baseline's run (as {@code bin/benchmark naive} writes them)
 * @param markdown         the same, as a Markdown table, for report.md
 */
public record BaselineRun(double shippedPerSecond, double ratio, double deliveredPerSecond, double deliveredRatio,
                          Map<String, Object> figures, @JsonIgnore String markdown) {

    /** What a {@code PUT /admin/faults} body may hold for the baseline to run with the same faults. */
    private static final Set<String> TRANSLATABLE = Set.of("profile", "overrides");

    static BaselineRun of(NaiveResult result, double oursPerSecond, double oursDeliveredPerSecond, String command) {
        OptionalDouble ours = OptionalDouble.of(oursPerSecond);
        return new BaselineRun(result.shippedPerSecond(), result.ratio(oursPerSecond), result.deliveredPerSecond(),
                result.deliveredRatio(oursDeliveredPerSecond),
                NaiveReport.json(result, command, ours), NaiveReport.markdown(result, command, ours));
    }

    /**
     * The baseline's settings for a system run: the same orders and rate ({@link NaiveSettings#MAX_RATE} for max),
     * the same fault profile and per-operation overrides, the same drain timeout; the baseline's own defaults
     * otherwise (three attempts per call, a new idempotency key per attempt). Empty when the fault setting holds
     * something the baseline's sandbox set-up cannot take (then the report says the baseline did not run).
     */
    static Optional<NaiveSettings> settingsFor(FaultSetting faults, int orders, int perSecond, Duration drainTimeout) {
        Map<String, Object> body;
        try {
            body = new ObjectMapper().readValue(faults.requestBody(), new TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("the fault settings " + faults.name() + " are not JSON", e);
        }
        if (!TRANSLATABLE.containsAll(body.keySet())) {
            return Optional.empty();
        }
        String profile = String.valueOf(body.getOrDefault("profile", "none"));
        if (!NaiveSettings.PROFILES.contains(profile)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> overrides = (Map<String, Map<String, Object>>) body.getOrDefault(
                "overrides", Map.of());
        int rate = perSecond == LoadGenerator.MAX_RATE ? NaiveSettings.MAX_RATE : perSecond;
        return Optional.of(NaiveSettings.of(orders, rate, profile).withFaultOverrides(overrides)
                .withDrainTimeout(drainTimeout));
    }
}
