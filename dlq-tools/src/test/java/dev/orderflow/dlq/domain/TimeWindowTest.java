package dev.orderflow.dlq.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void parsesInstantsAndAges() {
        assertThat(TimeWindow.parseInstant("2026-11-30T10:15:00Z", clock)).isEqualTo("2026-11-30T10:15:00Z");
        assertThat(TimeWindow.parseInstant("90s", clock)).isEqualTo("2026-11-30T11:58:30Z");
        assertThat(TimeWindow.parseInstant("15m", clock)).isEqualTo("2026-11-30T11:45:00Z");
        assertThat(TimeWindow.parseInstant("2H", clock)).isEqualTo("2026-11-30T10:00:00Z");
        assertThat(TimeWindow.parseInstant("3d", clock)).isEqualTo("2026-11-27T12:00:00Z");
    }

    @Test
    void rejectsOtherTextWithTheExpectedForms() {
        assertThatThrownBy(() -> TimeWindow.parseInstant("yesterday", clock))
                .hasMessageContaining("Invalid time 'yesterday'").hasMessageContaining("2h");
    }

    @Test
    void isHalfOpenAndRejectsAnEmptyWindow() {
        TimeWindow window = new TimeWindow(Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T11:00:00Z"));
        assertThat(window.contains(Instant.parse("2026-11-30T10:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2026-11-30T11:00:00Z"))).isFalse();
        assertThatThrownBy(() -> new TimeWindow(Instant.parse("2026-11-30T11:00:00Z"),
                Instant.parse("2026-11-30T10:00:00Z"))).hasMessageContaining("is not before");
    }
}
