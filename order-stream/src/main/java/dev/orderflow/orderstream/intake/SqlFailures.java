package dev.orderflow.orderstream.intake;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Sorts a failed intake transaction by what to do next, walking the cause chain (pool and driver wrap the
 * server's error) by SQLState:
 * <ul>
 *   <li>{@code 40001} serialization failure, {@code 40P01} deadlock: the server rolled the transaction back and
 *       asks for it to be run again — {@link Kind#RETRY_TRANSACTION};</li>
 *   <li>class {@code 08} (no connection, connection lost), {@code 53} (too many connections, out of resources),
 *       {@code 57P01..57P03} (server shutting down or starting), a pool that found no connection in time: the
 *       database cannot take the request now — {@link Kind#UNAVAILABLE}, a 503 the client retries later with the
 *       same key (if the commit did happen before the connection broke, the retry gets the same order);</li>
 *   <li>anything else is a defect or a schema mismatch — {@link Kind#INTERNAL}.</li>
 * </ul>
 */
final class SqlFailures {

    enum Kind { RETRY_TRANSACTION, UNAVAILABLE, INTERNAL }

    /** Cause chains can be cyclic; real ones are a handful deep. */
    private static final int MAX_DEPTH = 32;

    private SqlFailures() {
    }

    static Kind classify(Throwable failure) {
        Kind found = Kind.INTERNAL;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH; t = next(t), depth++) {
            Kind kind = kindOf(t);
            if (kind == Kind.RETRY_TRANSACTION) {
                return kind;
            }
            if (kind == Kind.UNAVAILABLE) {
                found = kind;
            }
        }
        return found;
    }

    private static Kind kindOf(Throwable t) {
        if (t instanceof SQLTransientConnectionException) {
            return Kind.UNAVAILABLE;
        }
        String state = t instanceof SQLException sql ? sql.getSQLState() : null;
        if (state == null) {
            return Kind.INTERNAL;
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return Kind.RETRY_TRANSACTION;
        }
        if (state.startsWith("08") || state.startsWith("53") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03")) {
            return Kind.UNAVAILABLE;
        }
        return Kind.INTERNAL;
    }

    /** The cause, or for a driver exception without one, the next exception of its chain (batch failures). */
    private static Throwable next(Throwable t) {
        if (t.getCause() != null && t.getCause() != t) {
            return t.getCause();
        }
        return t instanceof SQLException sql ? sql.getNextException() : null;
    }
}
