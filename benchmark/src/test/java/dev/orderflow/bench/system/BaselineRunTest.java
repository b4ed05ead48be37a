package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.bench.naive.NaiveSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BaselineRunTest {

    private static final Duration DRAIN = Duration.ofSeconds(90);

    @Test
    void theBaselineGetsTheSameProfileOverridesOrdersRateAndDrain() {
        NaiveSettings settings = BaselineRun.settingsFor(FaultSetting.parse("transient5"), 3000, 120, DRAIN)
                .orElseThrow();

        assertThat(settings.orders()).isEqualTo(3000);
        assertThat(settings.perSecond()).isEqualTo(120);
        assertThat(settings.faults()).isEqualTo("none");
        assertThat(settings.faultOverrides()).containsKeys("stock.reserve", "payment.authorize", "fulfillment.accept");
        assertThat(settings.faultOverrides().get("payment.authorize")).containsEntry("transientErrorRate", 0.05);
        assertThat(settings.drainTimeout()).isEqualTo(DRAIN);
    }

    @Test
    void theMaximumRateStaysUnpacedAndProfilesCarryOver() {
        NaiveSettings settings = BaselineRun.settingsFor(FaultSetting.parse("harsh"), 10, LoadGenerator.MAX_RATE,
                DRAIN).orElseThrow();

        assertThat(settings.unpaced()).isTrue();
        assertThat(settings.faults()).isEqualTo("harsh");
        assertThat(settings.faultOverrides()).isEmpty();
    }

    @Test
    void settingsTheBaselineCannotTakeLeaveItOut() {
        FaultSetting custom = new FaultSetting("@x.json", "{\"profile\":\"none\",\"seed\":7}");
        FaultSetting unknownProfile = new FaultSetting("@y.json", "{\"profile\":\"stormy\"}");

        assertThat(BaselineRun.settingsFor(custom, 10, 10, DRAIN)).isEmpty();
        assertThat(BaselineRun.settingsFor(unknownProfile, 10, 10, DRAIN)).isEmpty();
    }
}
