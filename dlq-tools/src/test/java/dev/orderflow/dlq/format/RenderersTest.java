package dev.orderflow.dlq.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dlq.domain.AuditAction;
import dev.orderflow.dlq.domain.AuditEntry;
import dev.orderflow.dlq.domain.DecodedPayload;
import dev.orderflow.dlq.domain.DlqSummary;
import dev.orderflow.dlq.domain.RecordStatus;
import dev.orderflow.dlq.domain.Samples;
import dev.orderflow.dlq.domain.Selected;
import dev.orderflow.dlq.kafka.AuditJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderersTest {

    private final Selected open = new Selected(Samples.deadLetter(42), RecordStatus.OPEN, null);

    @Test
    void jsonShowsDecodedPayloadAsJson() {
        ObjectNode node = RecordRenderer.toJson(open, DecodedPayload.decoded("x.Y", "{\"a\": 1}"), false);

        assertThat(node.at("/payload/json/a").asInt()).isEqualTo(1);
        assertThat(node.get("status").asText()).isEqualTo("OPEN");
        assertThat(node.at("/headers/dlq.failure.category").asText()).isEqualTo("TRANSIENT");
        assertThat(node.has("valueBase64")).isFalse();
    }

    @Test
    void undecodablePayloadsShowHexAndTheErrorAndExportsCarryRawBytes() {
        ObjectNode node = RecordRenderer.toJson(open, DecodedPayload.undecodable("bad magic"), true);

        assertThat(node.at("/payload/error").asText()).isEqualTo("bad magic");
        assertThat(node.at("/payload/hex").asText()).isEqualTo("00000000010203");
        assertThat(node.get("valueBase64").asText()).isEqualTo("AAAAAAECAw==");
    }

    @Test
    void tablePrintsResolutionAndHeaders() {
        AuditEntry discard = new AuditEntry("1", Samples.T0, "bob", AuditAction.DISCARD, "junk", "o-42", "j", null,
                null, null, Map.of());
        StringWriter text = new StringWriter();
        RecordRenderer.table(new Selected(Samples.deadLetter(42), RecordStatus.DISCARDED, discard),
                DecodedPayload.undecodable("bad magic"), new PrintWriter(text));

        assertThat(text.toString()).contains("DISCARDED").contains("resolved: DISCARD by bob")
                .contains("traceparent = 00-abc").contains("payload: undecodable: bad magic");
    }

    @Test
    void summaryCountsAndAges() {
        DlqSummary summary = DlqSummary.of("payment-consumer.dlq", List.of(open,
                new Selected(Samples.deadLetter(3600), RecordStatus.REPLAYED, null)));
        StringWriter text = new StringWriter();
        SummaryRenderer.table(List.of(summary), Samples.T0.plus(Duration.ofHours(26)), new PrintWriter(text));

        assertThat(summary.byStatus()).containsEntry(RecordStatus.OPEN, 1).containsEntry(RecordStatus.REPLAYED, 1)
                .containsEntry(RecordStatus.DISCARDED, 0);
        assertThat(text.toString()).contains("payment-consumer.dlq").contains("1d1h").contains("TRANSIENT 2");
    }

    @Test
    void agesAreCompact() {
        assertThat(Ages.since(Samples.T0, Samples.T0.plusSeconds(45))).isEqualTo("45s");
        assertThat(Ages.since(Samples.T0, Samples.T0.plusSeconds(3 * 3600 + 300))).isEqualTo("3h05m");
        assertThat(Ages.since(null, Samples.T0)).isEqualTo("-");
    }

    @Test
    void auditEntriesRoundTripThroughJson() {
        AuditEntry entry = new AuditEntry("id-1", Samples.T0, "alice", AuditAction.REPLAY, "why",
                "o-1", "job", Samples.deadLetter(5).ref(), "payment-consumer.replay", "ev-5",
                Map.of("replayCount", "1"));

        assertThat(AuditJson.parse(AuditJson.toBytes(entry))).isEqualTo(entry);
    }
}
