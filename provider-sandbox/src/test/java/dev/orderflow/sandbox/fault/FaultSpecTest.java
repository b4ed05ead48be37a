package dev.orderflow.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultSpecTest {

    @Test
    void aRateAboveOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new FaultSpec(0, 0, 1.5, 0, 1, 0, 0, 0, 0, 0))
                .hasMessage("Invalid value 1.5 for fault setting transientErrorRate: must be between 0 and 1");
    }

    @Test
    void outcomeRatesMustFitIntoOneDraw() {
        assertThatThrownBy(() -> new FaultSpec(0, 0, 0.5, 0.3, 1, 0.2, 0.1, 0, 0, 0))
                .hasMessageContaining("is 1.1").hasMessageContaining("must be at most 1");
    }

    @Test
    void latencyBoundsMustBeOrdered() {
        assertThatThrownBy(() -> new FaultSpec(50, 10, 0, 0, 1, 0, 0, 0, 0, 0))
                .hasMessage("Invalid value 10 for fault setting latencyMaxMs: must be at least latencyMinMs (50)");
    }
}
