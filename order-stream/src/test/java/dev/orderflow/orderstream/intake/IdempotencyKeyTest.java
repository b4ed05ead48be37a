package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void aUuidIsAKey() {
        assertThat(IdempotencyKey.parse(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
                .isEqualTo(new IdempotencyKey.Present(new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324")));
    }

    @Test
    void theStructuredFieldFormIsUnquoted() {
        assertThat(IdempotencyKey.parse(List.of("\"order-42\"")))
                .isEqualTo(new IdempotencyKey.Present(new IdempotencyKey("order-42")));
    }

    @Test
    void aMissingHeaderIsNamed() {
        assertThat(IdempotencyKey.parse(null)).isInstanceOfSatisfying(IdempotencyKey.Missing.class,
                m -> assertThat(m.detail()).contains("Idempotency-Key", "required"));
        assertThat(IdempotencyKey.parse(List.of())).isInstanceOf(IdempotencyKey.Missing.class);
    }

    @Test
    void aRepeatedHeaderIsRefused() {
        assertThat(IdempotencyKey.parse(List.of("a", "b"))).isInstanceOfSatisfying(IdempotencyKey.Missing.class,
                m -> assertThat(m.detail()).contains("Idempotency-Key", "once"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "has space", "tab\there", "ümlaut"})
    void aMalformedKeyIsRefusedNamingTheHeader(String raw) {
        assertThat(IdempotencyKey.parse(List.of(raw))).isInstanceOfSatisfying(IdempotencyKey.Missing.class,
                m -> assertThat(m.detail()).contains("Idempotency-Key"));
    }

    @Test
    void theLengthIsLimited() {
        assertThat(IdempotencyKey.parse(List.of("k".repeat(255)))).isInstanceOf(IdempotencyKey.Present.class);
        assertThat(IdempotencyKey.parse(List.of("k".repeat(256)))).isInstanceOf(IdempotencyKey.Missing.class);
    }
}
