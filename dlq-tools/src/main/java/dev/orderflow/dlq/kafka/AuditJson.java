package dev.orderflow.dlq.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dlq.domain.AuditAction;
import dev.orderflow.dlq.domain.AuditEntry;
import dev.orderflow.dlq.domain.RecordRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit log's record format: one JSON object per entry, stable field names (other tools read it too). */
public final class AuditJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditJson() {
    }

    public static ObjectNode toJson(AuditEntry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", entry.id());
        node.put("at", entry.at().toString());
        node.put("operator", entry.operator());
        node.put("action", entry.action().name());
        node.put("reason", entry.reason());
        putIfPresent(node, "orderId", entry.orderId());
        putIfPresent(node, "jobId", entry.jobId());
        if (entry.target() != null) {
            ObjectNode target = node.putObject("target");
            target.put("topic", entry.target().topic());
            target.put("partition", entry.target().partition());
            target.put("offset", entry.target().offset());
        }
        putIfPresent(node, "destination", entry.destination());
        putIfPresent(node, "commandId", entry.commandId());
        if (!entry.details().isEmpty()) {
            ObjectNode details = node.putObject("details");
            entry.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> details.put(e.getKey(), e.getValue()));
        }
        return node;
    }

    public static byte[] toBytes(AuditEntry entry) {
        return toJson(entry).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses an entry; a record that is not a valid entry is reported, not skipped silently. */
    public static AuditEntry parse(byte[] value) {
        try {
            JsonNode node = MAPPER.readTree(value);
            JsonNode target = node.get("target");
            Map<String, String> details = new LinkedHashMap<>();
            if (node.has("details")) {
                node.get("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
            }
            return new AuditEntry(node.get("id").asText(), Instant.parse(node.get("at").asText()),
                    node.get("operator").asText(), AuditAction.valueOf(node.get("action").asText()),
                    node.get("reason").asText(), text(node, "orderId"), text(node, "jobId"),
                    target == null ? null : new RecordRef(target.get("topic").asText(),
                            target.get("partition").asInt(), target.get("offset").asLong()),
                    text(node, "destination"), text(node, "commandId"), details);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an audit entry: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

}
