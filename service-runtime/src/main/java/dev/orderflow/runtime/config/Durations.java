package dev.orderflow.runtime.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Durations in configuration, written as a number and a unit ({@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h},
 * {@code 2d}) or ISO-8601 ({@code PT15M}); lists are comma-separated. A bad value names its key.
 */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String key, String text) {
        String value = text == null ? "" : text.trim();
        Matcher m = SIMPLE.matcher(value);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new ConfigException(key, text, "not a duration: write e.g. 250ms, 5s, 2m, 1h, 2d or PT15M");
        }
    }

    public static List<Duration> parseList(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(key, text, "name at least one duration, e.g. 5s,30s,2m");
        }
        return Arrays.stream(text.split(",")).map(part -> parse(key, part)).toList();
    }

    /** Validator for a positive duration. */
    public static ConfigDef.Validator positive() {
        return described("a duration > 0, e.g. 500ms, 5s, 2m, 1h", (name, value) -> {
            if (value != null && !isPositive(parse(name, value.toString()))) {
                throw new ConfigException(name, value, "must be longer than zero");
            }
        });
    }

    /** Validator for a non-empty list of positive durations. */
    public static ConfigDef.Validator positiveList() {
        return described("durations > 0, comma-separated, e.g. 1s,5s,30s", (name, value) -> {
            if (value == null) {
                return;
            }
            for (Duration d : parseList(name, value.toString())) {
                if (!isPositive(d)) {
                    throw new ConfigException(name, value, "every duration must be longer than zero");
                }
            }
        });
    }

    /** A validator whose {@code toString} says what it accepts (the configuration reference shows it). */
    private static ConfigDef.Validator described(String description, ConfigDef.Validator validator) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                validator.ensureValid(name, value);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** Duration.isPositive() arrived in Java 18. */
    public static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /** How a duration is printed back: the shortest simple form. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0 && ms > 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
