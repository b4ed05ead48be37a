package dev.orderflow.dlq.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-open time window {@code [since, until)}; either end may be open ({@code null}).
 */
public record TimeWindow(Instant since, Instant until) {

    public static final TimeWindow ALL = new TimeWindow(null, null);
    private static final Pattern AGO = Pattern.compile("(\\d+)([smhd])");

    public TimeWindow {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("Invalid time window: --since " + since + " is not before --until "
                    + until);
        }
    }

    /**
     * Parses a point in time: an ISO-8601 instant ({@code 2026-11-30T10:15:00Z}) or an age back from now
     * ({@code 90s}, {@code 15m}, {@code 2h}, {@code 3d}).
     */
    public static Instant parseInstant(String text, Clock clock) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration unit = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return clock.instant().minus(unit.multipliedBy(amount));
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Invalid time '" + text
                    + "': use an ISO-8601 instant such as 2026-11-30T10:15:00Z or an age such as 30m, 2h, 3d", e);
        }
    }

    public boolean contains(Instant instant) {
        return (since == null || !instant.isBefore(since)) && (until == null || instant.isBefore(until));
    }
}
