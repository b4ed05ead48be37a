package dev.orderflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxConfigTest {

    @Test
    void defaultsAreValidAndDescribed() {
        SandboxConfig config = SandboxConfig.builder().build();

        assertThat(config.port()).isZero();
        assertThat(config.faultProfile().name()).isEqualTo("none");
        assertThat(config.describe()).anySatisfy(line -> assertThat(line).startsWith("payment-key-retention"));
    }

    @Test
    void aSeedReplacesTheProfilesOwn() {
        assertThat(SandboxConfig.builder().faultProfile("harsh").seed(99).build().faultProfile().seed())
                .isEqualTo(99);
    }

    @Test
    void invalidValuesNameTheSettingAndAreNotCorrected() {
        assertThatThrownBy(() -> SandboxConfig.builder().port(70000).build())
                .hasMessage("Invalid value 70000 for configuration port: must be 0..65535");
        assertThatThrownBy(() -> SandboxConfig.builder().faultProfile("brutal"))
                .hasMessage("Invalid value brutal for configuration fault-profile: must be one of "
                        + "[none, realistic, harsh]");
        assertThatThrownBy(() -> SandboxConfig.builder().paymentKeyRetention(Duration.ZERO).build())
                .hasMessage("Invalid value PT0S for configuration payment-key-retention: must be a positive duration");
        assertThatThrownBy(() -> SandboxConfig.builder().supportedCountries(Set.of("Germany")).build())
                .hasMessageContaining("Invalid value Germany for configuration supported-countries");
        assertThatThrownBy(() -> SandboxConfig.builder().initialStock(Map.of("A", -1)).build())
                .hasMessage("Invalid value -1 for configuration initial-stock: units of A must not be negative");
    }
}
