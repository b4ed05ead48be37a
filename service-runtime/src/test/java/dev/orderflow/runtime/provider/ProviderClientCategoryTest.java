package dev.orderflow.runtime.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.failure.FailureCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
