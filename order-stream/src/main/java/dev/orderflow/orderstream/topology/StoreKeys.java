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
    /**
     * The character right after the separator: "prefix + AFTER_SEPARATOR" sorts after every "prefix|anything" and
     * before the next prefix, whatever the order id holds (no sentinel character an id could exceed).
     */
    private static final char AFTER_SEPARATOR = SEPARATOR + 1;

    private StoreKeys() {
    }

    static String deadlineKey(Instant deadline, String orderId) {
        return String.format("%013d%c%s", Math.max(0, deadline.toEpochMilli()), SEPARATOR, orderId);
    }

    /** Upper bound of the deadline keys due at {@code now} (inclusive). */
    static String deadlineUpTo(long nowMillis) {
        return String.format("%013d%c", Math.max(0, nowMillis), AFTER_SEPARATOR);
    }

    static String lowestDeadline() {
        return String.format("%013d%c", 0, SEPARATOR);
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
