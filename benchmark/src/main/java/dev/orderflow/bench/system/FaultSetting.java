package dev.orderflow.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code --faults} names, as the body of the sandbox's {@code PUT /admin/faults}: a built-in profile
 * ({@code none}, {@code realistic}, {@code harsh}), one of the benchmark's own settings ({@code transient5}: 5 %
 * transient errors on every call; {@code overload}: a 429/503 storm on half the create calls, {@code overload:15} on
 * 15 % of them), or a JSON file with a
 * {@code PUT /admin/faults} body ({@code @path/to/faults.json}).
 *
 * @param name        as given on the command line
 * @param requestBody the JSON sent to {@code PUT /admin/faults}
 */
public record FaultSetting(String name, String requestBody) {

    /** Every provider operation; see provider-sandbox/README.md. */
    static final List<String> OPERATIONS = List.of("stock.reserve", "stock.release", "stock.commit", "stock.status",
            "payment.authorize", "payment.void", "payment.refund", "payment.status", "fulfillment.accept",
            "fulfillment.status", "fulfillment.events");
    /** Calls that create something: where an overload storm hits the order flow. */
    static final List<String> CREATE_OPERATIONS = List.of("stock.reserve", "payment.authorize", "fulfillment.accept");
    /** Share of create calls refused with 429/503 in the {@code overload} setting. */
    static final double STORM_RATE = 0.5;
    /** {@code overload:15}: the same storm refusing 15 % of the create calls. */
    static final String OVERLOAD_PREFIX = "overload:";

    public static FaultSetting parse(String value) {
        if (value.startsWith(OVERLOAD_PREFIX)) {
            return new FaultSetting(value, storm(stormPercent(value) / 100.0));
        }
        return switch (value) {
            case "none", "realistic", "harsh" -> new FaultSetting(value, "{\"profile\":\"" + value + "\"}");
            case "transient5" -> new FaultSetting(value, overrides(OPERATIONS, "{\"transientErrorRate\":0.05}"));
            case "overload" -> new FaultSetting(value, storm(STORM_RATE));
            default -> {
                if (!value.startsWith("@")) {
                    throw new IllegalArgumentException("Invalid value " + value + " for --faults: expected none, "
                            + "realistic, harsh, transient5, overload, overload:PERCENT or @file.json");
                }
                try {
                    yield new FaultSetting(value, Files.readString(Path.of(value.substring(1))));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the fault settings " + value.substring(1), e);
                }
            }
        };
    }

    /** What the setting does, for the report. */
    public String describe() {
        if (name.startsWith(OVERLOAD_PREFIX)) {
            return stormPercent(name) + " % of reserve/authorize/accept calls refused with 429/503 and Retry-After 1 s"
                    + " (an overload storm), no other fault";
        }
        return switch (name) {
            case "none" -> "no faults";
            case "realistic", "harsh" -> "the sandbox's built-in '" + name + "' profile (provider-sandbox/README.md)";
            case "transient5" -> "5 % transient errors (500/502, nothing done) on every provider call, no other fault";
            case "overload" -> (int) (STORM_RATE * 100) + " % of reserve/authorize/accept calls refused with "
                    + "429/503 and Retry-After 1 s (an overload storm), no other fault";
            default -> "custom settings " + requestBody;
        };
    }

    private static String storm(double rate) {
        return overrides(CREATE_OPERATIONS, "{\"overloadRate\":" + rate + ",\"retryAfterSeconds\":1}");
    }

    private static int stormPercent(String value) {
        try {
            int percent = Integer.parseInt(value.substring(OVERLOAD_PREFIX.length()));
            if (percent >= 1 && percent <= 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("Invalid value " + value + " for --faults: overload:PERCENT takes a whole"
                + " percentage from 1 to 100, e.g. overload:15");
    }

    private static String overrides(List<String> operations, String spec) {
        return "{\"profile\":\"none\",\"overrides\":{" + operations.stream().map(op -> "\"" + op + "\":" + spec)
                .collect(Collectors.joining(",")) + "}}";
    }
}
