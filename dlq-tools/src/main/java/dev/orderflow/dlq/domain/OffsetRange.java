package dev.orderflow.dlq.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive range of offsets, written {@code FROM..TO}, {@code FROM..}, {@code ..TO} or a single {@code N}.
 *
 * @param from first offset, inclusive
 * @param to   last offset, inclusive ({@link Long#MAX_VALUE} for an open end)
 */
public record OffsetRange(long from, long to) {

    public static final OffsetRange ALL = new OffsetRange(0, Long.MAX_VALUE);
    private static final Pattern SYNTAX = Pattern.compile("(\\d*)\\.\\.(\\d*)|(\\d+)");

    public OffsetRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("offset range " + from + ".." + to + " is empty or negative");
        }
    }

    public static OffsetRange parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches() || (m.group(3) == null && m.group(1).isEmpty() && m.group(2).isEmpty())) {
            throw new IllegalArgumentException("Invalid offset range '" + text
                    + "': use FROM..TO, FROM.., ..TO or a single offset, e.g. 100..250");
        }
        try {
            if (m.group(3) != null) {
                long offset = Long.parseLong(m.group(3));
                return new OffsetRange(offset, offset);
            }
            long from = m.group(1).isEmpty() ? 0 : Long.parseLong(m.group(1));
            long to = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (to < from) {
                throw new IllegalArgumentException("Invalid offset range '" + text + "': " + from
                        + " is after " + to + "; write the lower offset first");
            }
            return new OffsetRange(from, to);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid offset range '" + text + "': offset too large", e);
        }
    }

    public boolean contains(long offset) {
        return offset >= from && offset <= to;
    }

    @Override
    public String toString() {
        return from + ".." + (to == Long.MAX_VALUE ? "" : to);
    }
}
