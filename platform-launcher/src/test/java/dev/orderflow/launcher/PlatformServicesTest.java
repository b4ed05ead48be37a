package dev.orderflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.runtime.service.StageService;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overrides for every stage service: a key of one service's own goes to that service only. */
class PlatformServicesTest {

    private final Map<String, StageService> services = PlatformServices.stageServices();
    private final Collection<StageService> all = services.values();
    private final Map<String, String> overrides = Map.of("fulfillment.feed.enabled", "true",
            "policy.payment.attempt.timeout", "3s", "max.poll.records", "100", "no.such.key", "x");

    @Test
    void aServiceOwnKeyReachesOnlyItsService() {
        assertThat(PlatformServices.overridesFor(services.get("shipping"), all, overrides))
                .isEqualTo(overrides);
        assertThat(PlatformServices.overridesFor(services.get("inventory"), all, overrides))
                .containsOnlyKeys("policy.payment.attempt.timeout", "max.poll.records", "no.such.key");
    }

    @Test
    void aKeyNoServiceDefinesIsKeptSoThatStartUpNamesIt() {
        assertThat(PlatformServices.overridesFor(services.get("payment"), all, overrides)).containsKey("no.such.key");
    }
}
