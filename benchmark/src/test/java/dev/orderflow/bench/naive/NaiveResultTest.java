package dev.orderflow.bench.naive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaiveResultTest {

    private static final LedgerAudit CLEAN = new LedgerAudit(0, 0, 0, 0, 0, 0, 0, 0, 0);

    @Test
    void throughputCountsEverySettledOrderOverTheWallTime() {
        NaiveResult result = result(80, 5, 15, 0, Duration.ofSeconds(4), 300, 250);

        assertThat(result.throughputPerSecond()).isCloseTo(25.0, within(1e-9));
    }

    @Test
    void lostOrdersDoNotCountAsThroughput() {
        NaiveResult result = result(90, 0, 0, 10, Duration.ofSeconds(9), 270, 270);

        assertThat(result.throughputPerSecond()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void retryAmplificationIsRequestsPerLogicalOperation() {
        assertThat(result(10, 0, 0, 0, Duration.ofSeconds(1), 45, 30).retryAmplification()).isEqualTo(1.5);
        assertThat(result(0, 0, 0, 0, Duration.ZERO, 0, 0).retryAmplification()).isZero();
    }

    @Test
    void shippedPerSecondCountsShipmentsUpToTheLastOne() {
        // 80 shipped; the last shipment 2 s after the first order (the helper's span is half the wall time)
        NaiveResult result = result(80, 5, 15, 0, Duration.ofSeconds(4), 300, 250);

        assertThat(result.shippedPerSecond()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void deliveredPerSecondCountsDeliveriesUpToTheLastOne() {
        // 80 delivered; the last delivery 4 s after the first order
        NaiveResult result = result(80, 5, 15, 0, Duration.ofSeconds(4), 300, 250);

        assertThat(result.deliveredPerSecond()).isCloseTo(20.0, within(1e-9));
        assertThat(result.deliveredRatio(10)).isCloseTo(0.5, within(1e-9));
        assertThat(result(0, 0, 0, 0, Duration.ZERO, 0, 0).deliveredRatio(10)).isZero();
    }

    @Test
    void ratioIsOursOverTheBaselinesShipmentsPerSecond() {
        NaiveResult baseline = result(100, 0, 0, 0, Duration.ofSeconds(4), 300, 300);

        assertThat(baseline.ratio(35)).isCloseTo(0.7, within(1e-9));
        assertThat(result(0, 0, 0, 0, Duration.ZERO, 0, 0).ratio(35)).isZero();
    }

    @Test
    void settingsRefuseNonsenseWithTheKeyAndTheReason() {
        assertThatThrownBy(() -> NaiveSettings.of(10, 10, "stormy"))
                .hasMessage("Invalid value stormy for configuration faults: use none, realistic or harsh");
        assertThatThrownBy(() -> NaiveSettings.of(0, 10, "none"))
                .hasMessage("Invalid value 0 for configuration orders: must be at least 1");
    }

    @Test
    void sandboxAnswersAreReadIntoAuditInput() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<LedgerAudit.Entry> entries = SandboxLedger.entries(json.readTree("""
                {"entries": [{"sequence": 1, "at": "2030-01-01T00:00:00Z", "effect": "STOCK_RESERVED",
                  "provider": "STOCK", "orderId": "o-1", "reference": "res-000001", "quantities": {"SKU-1": 2}}]}"""));
        LedgerAudit.Invariants invariants = SandboxLedger.invariants(json.readTree("""
                {"holds": false, "multipleLiveReservations": [], "multipleShipments": [],
                 "multipleCharges": [{"orderId": "o-7", "count": 2, "references": ["auth-1", "auth-2"]}],
                 "shipmentsWithoutCharge": [{"orderId": "o-9", "shipmentId": "shp-3", "ledgerSequence": 40}],
                 "negativeStock": [{"sku": "SKU-2", "available": 0, "lowestObserved": -1}]}"""));

        assertThat(entries).containsExactly(new LedgerAudit.Entry("STOCK_RESERVED", "o-1", "res-000001"));
        assertThat(invariants.multipleCharges()).containsExactly("o-7");
        assertThat(invariants.shipmentsWithoutCharge()).containsExactly("o-9");
        assertThat(invariants.negativeStock()).containsExactly("SKU-2");
    }

    private static NaiveResult result(long shipped, long rejected, long cancelled, long unsettled, Duration wall,
            long requests, long operations) {
        // Every shipment delivered, the last one at the end of the wall time.
        return new NaiveResult(NaiveSettings.of(1, 1, "none"), shipped + rejected + cancelled + unsettled, shipped,
                shipped, rejected, cancelled, unsettled, wall, wall.dividedBy(2), wall, LatencySummary.EMPTY, requests,
                operations, 4 * shipped, CLEAN, LedgerFigures.of(List.of()));
    }
}
