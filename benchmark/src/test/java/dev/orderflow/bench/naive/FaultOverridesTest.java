package dev.orderflow.bench.naive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultOverridesTest {

    @Test
    void settingsOfOneOperationAreGrouped() {
        assertThat(FaultOverrides.parse(List.of("payment.authorize.overloadRate=0.3",
                "payment.authorize.retryAfterSeconds=1", "stock.reserve.overloadRate=0.25")))
                .isEqualTo(Map.of("payment.authorize", Map.of("overloadRate", 0.3, "retryAfterSeconds", 1L),
                        "stock.reserve", Map.of("overloadRate", 0.25)));
    }

    @Test
    void aSpecWithoutOperationSettingOrNumberIsRefused() {
        for (String bad : List.of("overloadRate=0.3", "payment.authorize.overloadRate", "payment.authorize.=1",
                "payment.authorize.overloadRate=")) {
            assertThatThrownBy(() -> FaultOverrides.parse(List.of(bad))).as(bad)
                    .hasMessageContaining("use OPERATION.SETTING=VALUE");
        }
        assertThatThrownBy(() -> FaultOverrides.parse(List.of("payment.authorize.overloadRate=lots")))
                .hasMessageEndingWith("lots is not a number");
    }
}
