package dev.orderflow.runtime.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @ParameterizedTest(name = "SQLSTATE {0} is {1}")
    @CsvSource({
            "40001, TRANSIENT",   // serialization failure: retry the transaction
            "40P01, TRANSIENT",   // deadlock
            "08006, TRANSIENT",   // connection failure
            "08001, TRANSIENT",   // cannot connect
            "57P01, TRANSIENT",   // admin shutdown
            "53300, TRANSIENT",   // too many connections
            "23505, INTERNAL",    // unique violation: will fail again
            "42P01, INTERNAL",    // undefined table
            "22001, INTERNAL"})   // value too long
    void sqlStates(String state, FailureCategory expected) {
        assertThat(FailureClassifier.classify(new SQLException("x", state))).isEqualTo(expected);
    }

    @Test
    void transportFailuresAreTransientBeforeSendingAndAmbiguousAfter() {
        assertThat(FailureClassifier.classify(new ConnectException("refused"))).isEqualTo(FailureCategory.TRANSIENT);
        assertThat(FailureClassifier.classify(new HttpConnectTimeoutException("connect")))
                .isEqualTo(FailureCategory.TRANSIENT);
        assertThat(FailureClassifier.classify(new HttpTimeoutException("request timed out")))
                .isEqualTo(FailureCategory.AMBIGUOUS);
        assertThat(FailureClassifier.classify(new IOException("connection reset")))
                .isEqualTo(FailureCategory.AMBIGUOUS);
    }

    @Test
    void causesAreWalkedAndClassifiedExceptionsKeepTheirCategory() {
        RuntimeException wrapped = new RuntimeException("outer", new SQLException("deadlock", "40P01"));
        assertThat(FailureClassifier.classify(wrapped)).isEqualTo(FailureCategory.TRANSIENT);
        ClassifiedException business = new ClassifiedException(FailureCategory.BUSINESS, "declined");
        assertThat(FailureClassifier.classify(new IllegalStateException(business))).isEqualTo(FailureCategory.BUSINESS);
        ClassifiedException overload = new ClassifiedException(FailureCategory.OVERLOAD, "429", Duration.ofSeconds(3), null);
        assertThat(FailureClassifier.retryAfter(new RuntimeException(overload))).contains(Duration.ofSeconds(3));
    }

    @Test
    void kafkaAndUnknownFailures() {
        assertThat(FailureClassifier.classify(new SerializationException("bad bytes"))).isEqualTo(FailureCategory.MALFORMED);
        assertThat(FailureClassifier.classify(new TimeoutException("metadata"))).isEqualTo(FailureCategory.TRANSIENT);
        assertThat(FailureClassifier.classify(new SQLTransientConnectionException("pool empty")))
                .isEqualTo(FailureCategory.TRANSIENT);
        assertThat(FailureClassifier.classify(new NullPointerException())).isEqualTo(FailureCategory.INTERNAL);
    }
}
