package dev.orderflow.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class FixtureModeTest {

    @Test
    void unsetOrBlankMeansAuto() {
        assertThat(FixtureMode.parse(Optional.empty())).isEqualTo(FixtureMode.AUTO);
        assertThat(FixtureMode.parse(Optional.of("  "))).isEqualTo(FixtureMode.AUTO);
    }

    @Test
    void parsesEachModeIgnoringCaseAndSpaces() {
        assertThat(FixtureMode.parse(Optional.of("embedded"))).isEqualTo(FixtureMode.EMBEDDED);
        assertThat(FixtureMode.parse(Optional.of(" Containers "))).isEqualTo(FixtureMode.CONTAINERS);
        assertThat(FixtureMode.parse(Optional.of("AUTO"))).isEqualTo(FixtureMode.AUTO);
    }

    @Test
    void aBadValueNamesTheSettingAndTheValidValues() {
        assertThatThrownBy(() -> FixtureMode.parse(Optional.of("docker")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value docker for configuration orderflow.fixtures (or ORDERFLOW_FIXTURES):"
                        + " expected one of auto, embedded, containers");
    }

    @Test
    void autoTakesContainersOnlyWhenDockerAnswers() {
        assertThat(FixtureMode.AUTO.resolve(() -> true)).isEqualTo(FixtureMode.CONTAINERS);
        assertThat(FixtureMode.AUTO.resolve(() -> false)).isEqualTo(FixtureMode.EMBEDDED);
    }

    @Test
    void anExplicitModeNeverProbesDocker() {
        AtomicInteger probes = new AtomicInteger();
        BooleanSupplier probe = () -> probes.incrementAndGet() > 0;
        assertThat(FixtureMode.EMBEDDED.resolve(probe)).isEqualTo(FixtureMode.EMBEDDED);
        assertThat(FixtureMode.CONTAINERS.resolve(probe)).isEqualTo(FixtureMode.CONTAINERS);
        assertThat(probes).hasValue(0);
    }
}
