package dev.orderflow.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sandbox.fault.FaultProfile;
import dev.orderflow.sandbox.fault.FaultProfiles;
import dev.orderflow.sandbox.fault.Operation;
import dev.orderflow.sandbox.outcome.ProviderException;
import org.junit.jupiter.api.Test;

class FaultSettingsTest {

    private final ObjectMapper mapper = Json.newMapper();
    private final FaultProfile realistic = FaultProfiles.named("realistic").orElseThrow();

    private FaultSettings.Update update(String json) throws Exception {
        return mapper.readValue(json, FaultSettings.Update.class);
    }

    @Test
    void anOverrideChangesOnlyTheNamedSettingsOfOneOperation() throws Exception {
        FaultProfile next = FaultSettings.apply(update(
                "{\"overrides\":{\"payment.authorize\":{\"holdMs\":0}}}"), realistic, mapper);

        assertThat(next.name()).isEqualTo("realistic");
        assertThat(next.seed()).isEqualTo(realistic.seed());
        assertThat(next.spec(Operation.PAYMENT_AUTHORIZE).holdMs()).isZero();
        assertThat(next.spec(Operation.PAYMENT_AUTHORIZE).transientErrorRate())
                .isEqualTo(realistic.spec(Operation.PAYMENT_AUTHORIZE).transientErrorRate());
        assertThat(next.spec(Operation.STOCK_RESERVE)).isEqualTo(realistic.spec(Operation.STOCK_RESERVE));
        assertThat(next.overridden()).containsExactly(Operation.PAYMENT_AUTHORIZE);
    }

    @Test
    void aNewProfileTakesItsOwnSeedUnlessOneIsGiven() throws Exception {
        assertThat(FaultSettings.apply(update("{\"profile\":\"harsh\"}"), realistic, mapper).seed()).isEqualTo(1337);
        assertThat(FaultSettings.apply(update("{\"profile\":\"harsh\",\"seed\":5}"), realistic, mapper).seed())
                .isEqualTo(5);
    }

    @Test
    void unknownOperationsSettingsAndProfilesAreRefused() throws Exception {
        assertThatThrownBy(() -> FaultSettings.apply(update("{\"overrides\":{\"payment.capture\":{}}}"),
                realistic, mapper)).isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo("UNKNOWN_OPERATION"));
        assertThatThrownBy(() -> FaultSettings.apply(update(
                "{\"overrides\":{\"stock.reserve\":{\"lostReplyRate\":1}}}"), realistic, mapper))
                .hasMessageContaining("lostReplyRate");
        assertThatThrownBy(() -> FaultSettings.apply(update("{\"profile\":\"brutal\"}"), realistic, mapper))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.reason()).isEqualTo("UNKNOWN_FAULT_PROFILE"));
        assertThatThrownBy(() -> FaultSettings.apply(update(
                "{\"overrides\":{\"stock.reserve\":{\"rejectionRate\":2}}}"), realistic, mapper))
                .hasMessageContaining("Invalid value 2.0 for fault setting rejectionRate");
    }
}
