package dev.orderflow.runtime.failure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The one place that maps a throwable to a {@link FailureCategory}. It walks the cause chain and takes the first
 * answer it knows, so a wrapped SQL or I/O failure is classified by what really went wrong.
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public static FailureCategory classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<FailureCategory> category = direct(t);
            if (category.isPresent()) {
                return category.get();
            }
        }
        return FailureCategory.INTERNAL;
    }

    /** The Retry-After carried by the first classified failure in the chain. */
    public static Optional<Duration> retryAfter(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClassifiedException classified) {
                return classified.retryAfter();
            }
        }
        return Optional.empty();
    }

    private static Optional<FailureCategory> direct(Throwable t) {
        if (t instanceof ClassifiedException classified) {
            return Optional.of(classified.category());
        }
        if (t instanceof SQLException sql) {
            return Optional.of(classifySql(sql));
        }
        // Not sent: the connection was never established (or, for a pooled client, never handed out), so nothing
        // happened at the other side. HttpClient 5's connect timeout is a SocketTimeoutException, hence first.
        if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                || t instanceof ConnectTimeoutException || t instanceof ConnectionRequestTimeoutException
                || t instanceof UnknownHostException) {
            return Optional.of(FailureCategory.TRANSIENT);
        }
        // Sent, then silence or a broken connection: the other side may have done the work.
        if (t instanceof HttpTimeoutException || t instanceof IOException) {
            return Optional.of(FailureCategory.AMBIGUOUS);
        }
        if (t instanceof SerializationException) {
            return Optional.of(FailureCategory.MALFORMED);
        }
        if (t instanceof RetriableException) {
            return Optional.of(FailureCategory.TRANSIENT);
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE classes: 40001 serialization failure and 40P01 deadlock are retried as a whole transaction; class 08
     * (connection), 53 (insufficient resources), 57P01-57P03 (shutdown, cannot connect now) are transient; the rest
     * (constraint violations, syntax, data errors) will fail again and are internal.
     */
    static FailureCategory classifySql(SQLException sql) {
        String state = sql.getSQLState();
        if (sql instanceof SQLTransientException) {
            return FailureCategory.TRANSIENT;
        }
        if (state == null) {
            return FailureCategory.INTERNAL;
        }
        if (state.equals("40001") || state.equals("40P01") || state.startsWith("08") || state.startsWith("53")
                || state.startsWith("57P")) {
            return FailureCategory.TRANSIENT;
        }
        return FailureCategory.INTERNAL;
    }
}
