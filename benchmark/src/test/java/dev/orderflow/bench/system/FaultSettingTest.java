package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FaultSettingTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void builtInProfilesAreSentByName() throws Exception {
        assertThat(json.readTree(FaultSetting.parse("harsh").requestBody()).get("profile").asText()).isEqualTo("harsh");
    }

    @Test
    void theBenchmarksOwnSettingsAreOverridesOfNoFaults() throws Exception {
        JsonNode transientFaults = json.readTree(FaultSetting.parse("transient5").requestBody());
        JsonNode storm = json.readTree(FaultSetting.parse("overload").requestBody());

        assertThat(transientFaults.get("profile").asText()).isEqualTo("none");
        assertThat(transientFaults.get("overrides").size()).isEqualTo(FaultSetting.OPERATIONS.size());
        assertThat(transientFaults.get("overrides").get("payment.status").get("transientErrorRate").asDouble())
                .isEqualTo(0.05);
        assertThat(storm.get("overrides").get("fulfillment.accept").get("overloadRate").asDouble())
                .isEqualTo(FaultSetting.STORM_RATE);
        assertThat(storm.get("overrides").has("stock.status")).isFalse();
    }

    @Test
    void aMilderStormTakesItsShareInPercent() throws Exception {
        FaultSetting mild = FaultSetting.parse("overload:15");

        assertThat(json.readTree(mild.requestBody()).get("overrides").get("payment.authorize").get("overloadRate")
                .asDouble()).isEqualTo(0.15);
        assertThat(mild.describe()).startsWith("15 % of reserve/authorize/accept calls refused");
        assertThatThrownBy(() -> FaultSetting.parse("overload:0")).hasMessageContaining("from 1 to 100");
        assertThatThrownBy(() -> FaultSetting.parse("overload:lots")).hasMessageContaining("overload:15");
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThatThrownBy(() -> FaultSetting.parse("brutal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--faults");
    }
}
