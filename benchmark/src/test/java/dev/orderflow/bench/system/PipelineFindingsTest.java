package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.sandbox.client.CallCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineFindingsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theReportShowsTheCountsAndTheirFiguresAtTheTopOfProviderCalls() throws Exception {
        CallCounts calls = CallCounts.fromJson(json.readTree("""
                {"operations": {
                  "stock.reserve": {"calls": 110, "distinct": 100, "outcomes": {"OK": 100, "TRANSIENT_ERROR": 10}},
                  "payment.status": {"calls": 10, "distinct": 4, "outcomes": {"OK": 10}}}}
                """));

        JsonNode written = json.valueToTree(new PipelineFindings(calls, new InvariantAudit(true, 0, Map.of())))
                .path("providerCalls");

        assertThat(written.path("operations").path("stock.reserve").path("calls").asLong()).isEqualTo(110);
        assertThat(written.path("amplification").asDouble()).isEqualTo(1.1);
        assertThat(written.path("effectCalls").asLong()).isEqualTo(110);
        assertThat(written.path("logicalOperations").asLong()).isEqualTo(100);
        assertThat(written.path("calls").asLong()).isEqualTo(120);
        assertThat(written.path("outcomes").path("TRANSIENT_ERROR").asLong()).isEqualTo(10);
    }

    @Test
    void theAuditCountsViolationsPerInvariant() throws Exception {
        InvariantAudit audit = InvariantAudit.fromJson(json.readTree("""
                {"holds": false, "ledgerEntries": 42, "orders": 10, "multipleCharges": [{"orderId": "o-7"}],
                 "multipleShipments": [], "negativeStock": []}
                """));

        assertThat(audit.holds()).isFalse();
        assertThat(audit.ledgerEntries()).isEqualTo(42);
        assertThat(audit.violations()).containsEntry("multipleCharges", 1).containsEntry("negativeStock", 0);
    }
}
