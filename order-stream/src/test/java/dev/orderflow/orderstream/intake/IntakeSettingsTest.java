package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntakeSettingsTest {

    @Test
    void defaultsAreValid() {
        IntakeSettings settings = IntakeSettings.defaults();

        assertThat(settings.maxInFlight()).isEqualTo(64);
        assertThat(settings.retryAfterHeader()).isEqualTo("1");
    }

    @Test
    void aBadValueNamesTheSetting() {
        assertThatThrownBy(() -> IntakeSettings.defaults().withMaxInFlight(0))
                .hasMessage("Invalid value 0 for configuration order.intake.max.in.flight: must be at least 1");
        assertThatThrownBy(() -> IntakeSettings.defaults().withRetryAfter(Duration.ofMillis(1500)))
                .hasMessageStartingWith("Invalid value PT1.5S for configuration order.intake.retry.after");
        assertThatThrownBy(() -> IntakeSettings.defaults().withRetryAfter(Duration.ZERO))
                .hasMessageContaining("order.intake.retry.after");
        assertThatThrownBy(() -> IntakeSettings.defaults().withMaxTransactionAttempts(0))
                .hasMessageContaining("order.intake.max.transaction.attempts");
        assertThatThrownBy(() -> IntakeSettings.defaults().withMaxBodyBytes(10))
                .hasMessageContaining("order.intake.max.body.bytes");
    }

    @Test
    void retryAfterIsSentInWholeSeconds() {
        assertThat(IntakeSettings.defaults().withRetryAfter(Duration.ofSeconds(30)).retryAfterHeader())
                .isEqualTo("30");
    }
}
