package dev.orderflow.runtime.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** Apache HttpClient 5, the provider calls' transport: whether the request can have left decides it. */
    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("httpClient5Failures")
    void httpClient5FailuresAreTransientOnlyWhenNothingWasSent(IOException failure, FailureCategory expected) {
        assertThat(FailureClassifier.classify(failure)).isEqualTo(expected);
    }

    static Stream<Arguments> httpClient5Failures() {
        return Stream.of(
                Arguments.of(new ConnectTimeoutException("connect timed out"), FailureCategory.TRANSIENT),
                Arguments.of(new HttpHostConnectException("Connection refused"), FailureCategory.TRANSIENT),
                Arguments.of(new ConnectionRequestTimeoutException("no pooled connection"), FailureCategory.TRANSIENT),
                Arguments.of(new UnknownHostException("provider.invalid"), FailureCategory.TRANSIENT),
                Arguments.of(new SocketTimeoutException("Read timed out"), FailureCategory.AMBIGUOUS),
                Arguments.of(new NoHttpResponseException("failed to respond"), FailureCategory.AMBIGUOUS),
                Arguments.of(new SocketException("Connection reset"), FailureCategory.AMBIGUOUS));
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
