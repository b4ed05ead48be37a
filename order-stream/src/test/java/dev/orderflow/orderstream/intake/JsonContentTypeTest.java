package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonContentTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\"", "application/json; foo=bar"})
    void acceptsJson(String header) {
        assertThat(JsonContentType.accepts(header)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "text/plain", "application/xml", "application/json-patch+json",
            "application/json; charset=iso-8859-1", "application/x-www-form-urlencoded"})
    void refusesAnythingElse(String header) {
        assertThat(JsonContentType.accepts(header)).isFalse();
    }
}
