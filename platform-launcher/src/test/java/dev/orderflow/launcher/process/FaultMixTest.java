package dev.orderflow.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultMixTest {

    @Test
    @SuppressWarnings("unchecked")
    void rejectionsOnlyOnCreateCallsTransientAndAmbiguousOnEveryCall() {
        Map<String, Object> request = new FaultMix(0.05, 0.02, 0.01, 1500, 7).request();

        assertThat(request).containsEntry("profile", "none").containsEntry("seed", 7L);
        Map<String, Map<String, Object>> overrides = (Map<String, Map<String, Object>>) request.get("overrides");
        assertThat(overrides).hasSize(11);
        assertThat(overrides.get("payment.authorize")).containsEntry("rejectionRate", 0.01)
                .containsEntry("transientErrorRate", 0.05).containsEntry("lostReplyAfterWorkRate", 0.02)
                .containsEntry("holdMs", 1500);
        assertThat(overrides.get("payment.status")).doesNotContainKey("rejectionRate")
                .containsEntry("lostReplyAfterWorkRate", 0.02);
    }

    @Test
    void ratesSummingAboveOneAreRefused() {
        assertThatThrownBy(() -> new FaultMix(0.6, 0.3, 0.2, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
