package dev.orderflow.dlq.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.dlq.domain.AuditEntry;
import dev.orderflow.dlq.domain.DeadLetter;
import dev.orderflow.dlq.domain.DecodedPayload;
import dev.orderflow.dlq.domain.RecordHeader;
import dev.orderflow.dlq.domain.Selected;
import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import java.io.PrintWriter;
import java.util.Base64;

/** Prints dead letters: headers, status and the payload decoded to JSON (or hex with the decode error). */
public final class RecordRenderer {

    private static final int TABLE_HEX_BYTES = 128;
    private static final int TABLE_STACK_LINES = 4;

    private RecordRenderer() {
    }

    /**
     * The JSON view of a record; with {@code raw}, key and value are added as base64 so an export can be turned back
     * into the exact record.
     */
    public static ObjectNode toJson(Selected selected, DecodedPayload payload, boolean raw) {
        DeadLetter record = selected.record();
        ObjectNode node = Json.object();
        node.put("topic", record.ref().topic());
        node.put("partition", record.ref().partition());
        node.put("offset", record.ref().offset());
        node.put("timestamp", record.timestamp().toString());
        node.put("status", selected.status().name());
        if (selected.resolution() != null) {
            AuditEntry r = selected.resolution();
            ObjectNode resolution = node.putObject("resolution");
            resolution.put("action", r.action().name());
            resolution.put("at", r.at().toString());
            resolution.put("operator", r.operator());
            resolution.put("reason", r.reason());
            if (r.destination() != null) {
                resolution.put("destination", r.destination());
            }
        }
        node.put("key", record.keyText().orElse(null));
        ObjectNode headers = node.putObject("headers");
        for (RecordHeader header : record.headers()) {
            headers.put(header.name(), header.textValue());
        }
        ObjectNode value = node.putObject("payload");
        if (payload.isDecoded()) {
            value.put("type", payload.type());
            value.set("json", Json.parseOrText(payload.json()));
        } else {
            value.put("error", payload.error());
            value.put("hex", Hex.of(record.value()));
        }
        if (raw) {
            node.put("keyBase64", record.key() == null ? null : Base64.getEncoder().encodeToString(record.key()));
            node.put("valueBase64", record.value() == null ? null
                    : Base64.getEncoder().encodeToString(record.value()));
        }
        return node;
    }

    public static void table(Selected selected, DecodedPayload payload, PrintWriter out) {
        DeadLetter record = selected.record();
        out.printf("%s  partition %d  offset %d  %s  %s%n", record.ref().topic(), record.ref().partition(),
                record.ref().offset(), record.timestamp(), selected.status());
        if (selected.resolution() != null) {
            AuditEntry r = selected.resolution();
            out.printf("  resolved: %s by %s at %s: %s%n", r.action(), r.operator(), r.at(), r.reason());
        }
        out.printf("  key: %s%n", record.keyText().orElse("(none)"));
        out.printf("  failure: %s %s: %s%n", record.category().orElse("?"), record.exceptionClass().orElse("?"),
                record.header(DeadLetterHeaders.EXCEPTION_MESSAGE).orElse(""));
        out.println("  headers:");
        for (RecordHeader header : record.headers()) {
            out.printf("    %s = %s%n", header.name(), headerForTable(header));
        }
        if (payload.isDecoded()) {
            out.printf("  payload (%s):%n", payload.type());
            Json.pretty(Json.parseOrText(payload.json())).lines().forEach(l -> out.println("    " + l));
        } else {
            out.printf("  payload: undecodable: %s%n", payload.error());
            out.printf("    hex: %s%n", Hex.of(record.value(), TABLE_HEX_BYTES));
        }
        out.println();
    }

    private static String headerForTable(RecordHeader header) {
        String text = header.textValue();
        if (text == null) {
            return "(null)";
        }
        if (header.name().equals(DeadLetterHeaders.EXCEPTION_STACKTRACE)) {
            String[] lines = text.split("\\R");
            if (lines.length > TABLE_STACK_LINES) {
                return String.join(" | ", java.util.Arrays.copyOf(lines, TABLE_STACK_LINES)).trim()
                        + " | … (" + (lines.length - TABLE_STACK_LINES) + " more lines; --format json shows all)";
            }
            return String.join(" | ", lines).trim();
        }
        return text;
    }
}
