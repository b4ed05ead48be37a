package dev.orderflow.dlq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetRangeTest {

    @Test
    void parsesEveryForm() {
        assertThat(OffsetRange.parse("100..250")).isEqualTo(new OffsetRange(100, 250));
        assertThat(OffsetRange.parse("100..")).isEqualTo(new OffsetRange(100, Long.MAX_VALUE));
        assertThat(OffsetRange.parse("..7")).isEqualTo(new OffsetRange(0, 7));
        assertThat(OffsetRange.parse(" 42 ")).isEqualTo(new OffsetRange(42, 42));
    }

    @Test
    void containsIsInclusive() {
        OffsetRange range = OffsetRange.parse("3..5");
        assertThat(range.contains(3)).isTrue();
        assertThat(range.contains(5)).isTrue();
        assertThat(range.contains(6)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "a..b", "-1..4", "3-4", "1..2..3", "99999999999999999999"})
    void rejectsMalformedRangesWithTheExpectedForm(String text) {
        assertThatThrownBy(() -> OffsetRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid offset range");
    }

    @Test
    void rejectsAReversedRange() {
        assertThatThrownBy(() -> OffsetRange.parse("9..3")).hasMessageContaining("9 is after 3");
    }
}
