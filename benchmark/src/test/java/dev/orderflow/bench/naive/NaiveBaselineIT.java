package dev.orderflow.bench.naive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The naive baseline on the real broker, PostgreSQL and provider sandbox: it completes every order when nothing
 * fails, and it shows the shortcut's real failure when the providers' replies get lost.
 */
@ExtendWith(RealInfrastructure.class)
class NaiveBaselineIT {

    private static final int ORDERS = 20;

    /** Every authorization is done at the gateway, then the connection drops without an answer (at once). */
    private static Map<String, Map<String, Object>> authorizationRepliesLost(double rate) {
        return Map.of("payment.authorize", Map.of("lostReplyAfterWorkRate", rate, "holdMs", 0));
    }

    private static NaiveSettings small() {
        return NaiveSettings.of(ORDERS, 20, "none").withConsumers(2, 2).withDrainTimeout(Duration.ofSeconds(90));
    }

    @Test
    void withoutFaultsEveryOrderShipsOnceIsDeliveredAndTheBooksAreClean(KafkaFixture kafka, PostgresFixture postgres)
            throws Exception {
        NaiveResult result = NaiveBaseline.run(small(), kafka.bootstrapServers(), postgres.server(), progress());

        assertThat(result.placed()).isEqualTo(ORDERS);
        assertThat(result.shipped()).as("the first %d orders of the load carry no declined card", ORDERS)
                .isEqualTo(ORDERS);
        assertThat(result.delivered()).as("every shipment followed to delivery").isEqualTo(ORDERS);
        assertThat(result.unsettled()).isZero();
        assertThat(result.audit()).isEqualTo(new LedgerAudit(0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(result.providerCalls()).as("reserve, authorize, accept, commit")
                .isEqualTo(result.logicalOperations()).isEqualTo(4L * ORDERS);
        assertThat(result.shipmentReads()).as("each read at least one 2 s step after the one before, four steps")
                .isGreaterThanOrEqualTo(4L * ORDERS);
        assertThat(result.deliveredPerSecond()).isPositive().isLessThan(result.shippedPerSecond());
        assertThat(result.latency().samples()).isEqualTo(ORDERS);
        assertThat(result.throughputPerSecond()).isPositive();
    }

    @Test
    void lostAuthorizationRepliesMakeTheBlindRetryChargeTwice(KafkaFixture kafka, PostgresFixture postgres)
            throws Exception {
        NaiveResult result = NaiveBaseline.run(small().withFaultOverrides(authorizationRepliesLost(0.5)),
                kafka.bootstrapServers(), postgres.server(), progress());

        assertThat(result.unsettled()).isZero();
        assertThat(result.audit().duplicateCharges()).as("a retry with a new key after a lost reply charges again")
                .isPositive();
        assertThat(result.audit().ordersNeedingOperator()).isGreaterThanOrEqualTo(result.audit().duplicateCharges());
        assertThat(result.retryAmplification()).isGreaterThan(1.0);
    }

    @Test
    void withOneKeyPerOperationTheRollbackStillLeavesChargesOnCancelledOrders(KafkaFixture kafka,
            PostgresFixture postgres) throws Exception {
        NaiveResult result = NaiveBaseline.run(small().withRetryKeys(RetryKeys.PER_OPERATION)
                .withFaultOverrides(authorizationRepliesLost(1.0)), kafka.bootstrapServers(), postgres.server(),
                progress());

        assertThat(result.audit().duplicateCharges()).as("the same key replays the first charge").isZero();
        assertThat(result.cancelled()).isEqualTo(ORDERS);
        assertThat(result.audit().chargedNotShipped()).as("every order was cancelled with its charge still live")
                .isEqualTo(ORDERS);
    }

    private static PrintWriter progress() {
        return new PrintWriter(new StringWriter());
    }
}
