package dev.orderflow.dlq.format;

import java.time.Duration;
import java.time.Instant;

/** Compact ages such as {@code 3d4h}, {@code 2h05m}, {@code 45s}. */
public final class Ages {

    private Ages() {
    }

    public static String since(Instant then, Instant now) {
        if (then == null) {
            return "-";
        }
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return "0s";
        }
        long days = age.toDays();
        if (days > 0) {
            return days + "d" + age.toHoursPart() + "h";
        }
        if (age.toHours() > 0) {
            return age.toHours() + "h" + String.format("%02dm", age.toMinutesPart());
        }
        if (age.toMinutes() > 0) {
            return age.toMinutes() + "m" + String.format("%02ds", age.toSecondsPart());
        }
        return age.toSeconds() + "s";
    }
}
