package dev.orderflow.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private static FaultProfile harsh() {
        return FaultProfiles.named("harsh").orElseThrow();
    }

    private static List<FaultDecision> draw(FaultInjector injector, Operation operation, int count) {
        List<FaultDecision> decisions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            decisions.add(injector.next(operation));
        }
        return decisions;
    }

    @Test
    void theSameSeedGivesTheSameFaultSequence() {
        FaultInjector first = new FaultInjector(harsh().withSeed(7));
        FaultInjector second = new FaultInjector(harsh().withSeed(7));

        List<FaultDecision> a = new ArrayList<>();
        List<FaultDecision> b = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Operation op = Operation.values()[i % Operation.values().length];
            a.add(first.next(op));
            b.add(second.next(op));
        }

        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(FaultDecision::kind).contains(FaultKind.values());
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        List<FaultDecision> seven = draw(new FaultInjector(harsh().withSeed(7)), Operation.PAYMENT_AUTHORIZE, 200);
        List<FaultDecision> eight = draw(new FaultInjector(harsh().withSeed(8)), Operation.PAYMENT_AUTHORIZE, 200);

        assertThat(seven).isNotEqualTo(eight);
    }

    @Test
    void anOperationsSequenceDoesNotDependOnCallsToOtherOperations() {
        FaultInjector alone = new FaultInjector(harsh());
        FaultInjector interleaved = new FaultInjector(harsh());

        List<FaultDecision> expected = draw(alone, Operation.STOCK_RESERVE, 100);
        List<FaultDecision> actual = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            interleaved.next(Operation.PAYMENT_AUTHORIZE);
            actual.add(interleaved.next(Operation.STOCK_RESERVE));
            interleaved.next(Operation.FULFILLMENT_EVENTS);
        }

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void installingAProfileRestartsTheStreamsFromItsSeed() {
        FaultInjector injector = new FaultInjector(harsh());
        List<FaultDecision> firstRun = draw(injector, Operation.STOCK_COMMIT, 50);

        injector.install(harsh());

        assertThat(draw(injector, Operation.STOCK_COMMIT, 50)).isEqualTo(firstRun);
    }

    @Test
    void theNoneProfileNeverInjectsAnything() {
        FaultInjector injector = new FaultInjector(FaultProfiles.named("none").orElseThrow());

        for (Operation op : Operation.values()) {
            assertThat(draw(injector, op, 100)).allSatisfy(decision -> {
                assertThat(decision.kind()).isEqualTo(FaultKind.NONE);
                assertThat(decision.latency()).isZero();
                assertThat(decision.business().reject()).isFalse();
                assertThat(decision.business().exceptionAfterAcceptance()).isFalse();
            });
        }
    }

    @Test
    void ratesAreHonouredOverManyCalls() {
        FaultSpec spec = new FaultSpec(10, 20, 0.1, 0.2, 3, 0.05, 0.15, 0, 0.3, 0);
        FaultInjector injector = new FaultInjector(FaultProfiles.named("none").orElseThrow()
                .withOverride(Operation.PAYMENT_AUTHORIZE, spec));

        List<FaultDecision> decisions = draw(injector, Operation.PAYMENT_AUTHORIZE, 20_000);

        assertThat(share(decisions, FaultKind.TRANSIENT_ERROR)).isCloseTo(0.10, within(0.015));
        assertThat(share(decisions, FaultKind.OVERLOAD)).isCloseTo(0.20, within(0.015));
        assertThat(share(decisions, FaultKind.TIMEOUT_BEFORE_WORK)).isCloseTo(0.05, within(0.015));
        assertThat(share(decisions, FaultKind.LOST_REPLY_AFTER_WORK)).isCloseTo(0.15, within(0.015));
        assertThat(decisions.stream().filter(d -> d.business().reject()).count() / 20_000.0)
                .isCloseTo(0.3, within(0.015));
        assertThat(decisions).allSatisfy(d -> assertThat(d.latency())
                .isBetween(Duration.ofMillis(10), Duration.ofMillis(20)));
        assertThat(decisions).filteredOn(d -> d.kind() == FaultKind.OVERLOAD)
                .allSatisfy(d -> {
                    assertThat(d.errorStatus()).isIn(429, 503);
                    assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                })
                .extracting(FaultDecision::errorStatus).contains(429, 503);
        assertThat(decisions).filteredOn(d -> d.kind() == FaultKind.TRANSIENT_ERROR)
                .extracting(FaultDecision::errorStatus).containsOnly(500, 502);
    }

    @Test
    void onlyCreateOperationsAreRefusedAndOnlyAcceptanceFailsLater() {
        FaultSpec always = new FaultSpec(0, 0, 0, 0, 1, 0, 0, 0, 1, 1);
        FaultProfile profile = FaultProfiles.named("none").orElseThrow();
        for (Operation op : Operation.values()) {
            profile = profile.withOverride(op, always);
        }
        FaultInjector injector = new FaultInjector(profile);

        for (Operation op : Operation.values()) {
            BusinessFault business = injector.next(op).business();
            assertThat(business.reject()).as("reject %s", op).isEqualTo(op.canBeRejected());
            assertThat(business.exceptionAfterAcceptance()).as("exception %s", op)
                    .isEqualTo(op == Operation.FULFILLMENT_ACCEPT);
        }
    }

    private static double share(List<FaultDecision> decisions, FaultKind kind) {
        return decisions.stream().filter(d -> d.kind() == kind).count() / (double) decisions.size();
    }
}
