package dev.orderflow.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.launcher.process.OrderAudit.Settlement;
import dev.orderflow.launcher.process.ProcessPlatform.Part;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 5: every part of the platform restarted in the middle of a run, once by SIGKILL (a crash) and once by SIGTERM
 * (a deploy), while orders keep coming through {@code POST /orders} and the providers answer with the realistic
 * fault profile. Afterwards every order is terminal or waits for an operator (none lost), and the providers' ledger
 * shows at most one reservation, charge and shipment per order, no shipment without a charge and no negative stock.
 */
class ServiceRestartIT {

    private static final int ORDERS = 200;
    private static final int PER_SECOND = 20;
    private static final Duration DRAIN = Duration.ofMinutes(4);

    private static ProcessPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = ProcessPlatform.start(ProcessPlatform.Options.of("realistic"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Part.class)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aKilledThenStoppedPartLosesNoOrderAndRepeatsNoSideEffect(Part part) throws Exception {
        ServiceProcess target = platform.part(part, 0);
        int startsBefore = target.starts();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        OrderIntakeClient intake = new OrderIntakeClient(List.of(platform.orderApi(0)), Duration.ofMinutes(2),
                part.ordinal());
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            try {
                intake.place(ORDERS, PER_SECOND, accepted::add);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        await("a third of the orders accepted").atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= ORDERS / 3);
        target.kill();
        target.start();
        await("two thirds of the orders accepted").atMost(Duration.ofMinutes(2))
                .until(() -> accepted.size() >= 2 * ORDERS / 3);
        target.stop();
        target.start();
        load.get(3, TimeUnit.MINUTES);

        OrderAudit audit = new OrderAudit(List.of(platform.orderApi(0)), platform.sandbox());
        await("every order terminal or with an operator").atMost(DRAIN).pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(audit.settlement(accepted).unsettled()).isEmpty());
        Settlement settlement = audit.settlement(accepted);
        JsonNode invariants = audit.ledgerInvariants();
        System.out.printf("%s restarted (SIGKILL, then SIGTERM): %d orders accepted (%d client retries), %s; "
                        + "%d needed an operator; ledger: %s%n", part, accepted.size(), intake.retries(),
                settlement.byState(), settlement.operatorNeeded(), invariants);
        assertThat(accepted).hasSize(ORDERS).doesNotHaveDuplicates();
        assertThat(target.starts()).as("starts of %s", target).isEqualTo(startsBefore + 2);
        assertThat(invariants.path("holds").asBoolean()).as("ledger invariants: %s", invariants).isTrue();
    }
}
