package dev.orderflow.runtime.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.failure.FailureCategory;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderClientCategoryTest {

    @ParameterizedTest(name = "HTTP {0} {1} is {2}")
    @CsvSource(nullValues = "-", value = {
            "429, RATE_LIMITED, OVERLOAD",
            "503, UNAVAILABLE, OVERLOAD",
            "500, TRANSIENT_ERROR, TRANSIENT",
            "502, -, TRANSIENT",
            "504, -, TRANSIENT",
            "422, OUT_OF_STOCK, BUSINESS",
            "422, CARD_DECLINED, BUSINESS",
            "409, RESERVATION_NOT_LIVE, BUSINESS",
            "409, IDEMPOTENCY_KEY_REUSED, INTERNAL",
            "400, INVALID_REQUEST, INTERNAL",
            "404, NOT_FOUND, INTERNAL",
            "404, UNKNOWN_IDEMPOTENCY_KEY, BUSINESS"})
    void statusCodesAreClassifiedAsDesignMdSays(int status, String reason, FailureCategory expected) {
        assertThat(ProviderClient.categoryOf(status, reason)).isEqualTo(expected);
    }

    /** Whether the request can have reached the provider decides it: before the connection, nothing was sent. */
    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("transportFailures")
    void transportFailuresAreTransientOnlyWhenNothingWasSent(IOException failure, FailureCategory expected) {
        assertThat(ProviderClient.categoryOf(failure)).isEqualTo(expected);
    }

    static Stream<Arguments> transportFailures() {
        return Stream.of(
                Arguments.of(new ConnectTimeoutException("connect timed out"), FailureCategory.TRANSIENT),
                Arguments.of(new HttpHostConnectException("Connection refused"), FailureCategory.TRANSIENT),
                Arguments.of(new ConnectionRequestTimeoutException("no pooled connection"), FailureCategory.TRANSIENT),
                Arguments.of(new UnknownHostException("provider.invalid"), FailureCategory.TRANSIENT),
                Arguments.of(new SocketTimeoutException("Read timed out"), FailureCategory.AMBIGUOUS),
                Arguments.of(new NoHttpResponseException("failed to respond"), FailureCategory.AMBIGUOUS),
                Arguments.of(new SocketException("Connection reset"), FailureCategory.AMBIGUOUS));
    }
}
