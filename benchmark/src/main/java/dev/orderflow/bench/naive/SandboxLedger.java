package dev.orderflow.bench.naive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a provider sandbox's books: {@code GET /ledger} and {@code GET /ledger/invariants}. */
final class SandboxLedger {

    private final URI sandbox;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    SandboxLedger(URI sandbox, ObjectMapper json) {
        this.sandbox = sandbox;
        this.json = json;
    }

    List<LedgerAudit.Entry> entries() throws IOException, InterruptedException {
        return entries(get("/ledger"));
    }

    LedgerAudit.Invariants invariants() throws IOException, InterruptedException {
        return invariants(get("/ledger/invariants"));
    }

    List<LedgerFigures.Timed> timedEntries() throws IOException, InterruptedException {
        return timedEntries(get("/ledger"));
    }

    static List<LedgerFigures.Timed> timedEntries(JsonNode ledger) {
        List<LedgerFigures.Timed> entries = new ArrayList<>();
        for (JsonNode e : ledger.path("entries")) {
            entries.add(new LedgerFigures.Timed(e.path("effect").asText(), e.path("orderId").asText(),
                    e.path("reference").asText(), Instant.parse(e.path("at").asText())));
        }
        return entries;
    }

    static List<LedgerAudit.Entry> entries(JsonNode ledger) {
        List<LedgerAudit.Entry> entries = new ArrayList<>();
        for (JsonNode e : ledger.path("entries")) {
            entries.add(new LedgerAudit.Entry(e.path("effect").asText(), e.path("orderId").asText(),
                    e.path("reference").asText()));
        }
        return entries;
    }

    static LedgerAudit.Invariants invariants(JsonNode report) {
        return new LedgerAudit.Invariants(ids(report, "multipleLiveReservations", "orderId"),
                ids(report, "multipleCharges", "orderId"), ids(report, "multipleShipments", "orderId"),
                ids(report, "shipmentsWithoutCharge", "orderId"), ids(report, "negativeStock", "sku"));
    }

    private static List<String> ids(JsonNode report, String list, String field) {
        List<String> ids = new ArrayList<>();
        report.path(list).forEach(n -> ids.add(n.path(field).asText()));
        return ids;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sandbox.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }
}
