package dev.orderflow.orderstream.topology;

import dev.orderflow.orderstream.domain.OrderState;
import java.time.Instant;

/**
 * Keys of the two index stores. Both are strings whose UTF-8 byte order is the order the scans need (stores
 * compare keys as unsigned bytes): the deadline index sorts by zero-padded epoch millis, the state index groups by
 * state and sorts by order id inside a state.
 */
public final class StoreKeys {

    private static final char SEPARATOR = '|';
    private static final int MILLIS_DIGITS = 13;
    /**
     * The character right after the separator: "prefix + AFTER_SEPARATOR" sorts after every "prefix|anything" and
     * before the next prefix, whatever the order id holds (no sentinel character an id could exceed).
     */
    private static final char AFTER_SEPARATOR = SEPARATOR + 1;

    private StoreKeys() {
    }

    static String deadlineKey(Instant deadline, String orderId) {
        return paddedMillis(deadline.toEpochMilli()) + SEPARATOR + orderId;
    }

    /** Upper bound of the deadline keys due at {@code now} (inclusive). */
    static String deadlineUpTo(long nowMillis) {
        return paddedMillis(nowMillis) + AFTER_SEPARATOR;
    }

    static String lowestDeadline() {
        return paddedMillis(0) + SEPARATOR;
    }

    /** Epoch millis, zero-padded to 13 digits (until the year 2286); not String.format, which is on the hot path. */
    private static String paddedMillis(long millis) {
        String digits = Long.toString(Math.max(0, millis));
        return digits.length() >= MILLIS_DIGITS ? digits : "0".repeat(MILLIS_DIGITS - digits.length()) + digits;
    }

    static String orderIdOfDeadlineKey(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    public static String stateKey(OrderState state, String orderId) {
        return state.name() + SEPARATOR + orderId;
    }

    /** First key of a state's page: the state's first order, or the first order after {@code afterOrderId}. */
    public static String stateFrom(OrderState state, String afterOrderId) {
        return state.name() + SEPARATOR + (afterOrderId == null ? "" : afterOrderId);
    }

    public static String stateUpTo(OrderState state) {
        return state.name() + AFTER_SEPARATOR;
    }

    public static String orderIdOfStateKey(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }
}
