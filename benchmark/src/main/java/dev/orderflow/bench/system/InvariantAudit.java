package dev.orderflow.bench.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The providers' audit of DESIGN.md §4 ({@code GET /ledger/invariants}): one count of violations per invariant.
 *
 * @param holds         every invariant holds
 * @param ledgerEntries side effects the providers recorded
 * @param violations    per invariant (e.g. {@code multipleCharges}), how many orders or SKUs break it
 */
public record InvariantAudit(boolean holds, long ledgerEntries, Map<String, Integer> violations) {

    public InvariantAudit {
        violations = Map.copyOf(violations);
    }

    public static InvariantAudit fromJson(JsonNode answer) {
        Map<String, Integer> violations = new TreeMap<>();
        answer.properties().forEach(field -> {
            if (field.getValue().isArray()) {
                violations.put(field.getKey(), field.getValue().size());
            }
        });
        boolean holds = answer.path("holds").asBoolean(false)
                && violations.values().stream().allMatch(count -> count == 0);
        return new InvariantAudit(holds, answer.path("ledgerEntries").asLong(), violations);
    }
}
