package dev.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The provider sandbox's admin, ledger and invariant endpoints, over its wire API (provider-sandbox/README.md). */
final class Sandbox {

    private final JsonHttp http = new JsonHttp();
    private final URI base;

    Sandbox(URI base) {
        this.base = base;
    }

    /** Installs fault settings per operation on top of the {@code none} profile (replacing earlier ones). */
    void faults(Map<String, Map<String, Object>> overrides) {
        JsonHttp.Answer answer = http.send("PUT", base.resolve("/admin/faults"),
                Map.of("profile", "none", "overrides", overrides), Map.of());
        assertThat(answer.status()).as("PUT /admin/faults answered %s", answer.body()).isEqualTo(200);
    }

    void clearFaults() {
        faults(Map.of());
    }

    /** The side effects of one order, oldest first, as {@code EFFECT} names. */
    List<String> effects(String orderId) {
        List<String> effects = new ArrayList<>();
        ledger(orderId).forEach(e -> effects.add(e.path("effect").asText()));
        return effects;
    }

    List<JsonNode> ledger(String orderId) {
        JsonHttp.Answer answer = http.get(base.resolve("/ledger?orderId="
                + URLEncoder.encode(orderId, StandardCharsets.UTF_8)));
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        answer.body().path("entries").forEach(entries::add);
        return entries;
    }

    /** DESIGN.md §4 as the providers count it; {@code holds} is true when no list has an entry. */
    JsonNode invariants() {
        JsonHttp.Answer answer = http.get(base.resolve("/ledger/invariants"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }
}
