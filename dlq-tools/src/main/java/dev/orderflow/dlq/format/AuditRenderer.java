package dev.orderflow.dlq.format;

import dev.orderflow.dlq.domain.AuditEntry;
import java.io.PrintWriter;
import java.util.List;

/** Prints audit entries: who, when, what and why. */
public final class AuditRenderer {

    private static final String ROW = "%-24s %-12s %-15s %-30s %-14s %s%n";

    private AuditRenderer() {
    }

    public static void table(List<AuditEntry> entries, PrintWriter out) {
        out.printf(ROW, "AT", "OPERATOR", "ACTION", "TARGET", "ORDER", "REASON");
        for (AuditEntry e : entries) {
            String target = e.target() != null ? e.target().toString()
                    : e.destination() != null ? e.destination() + " " + shortId(e.commandId()) : "";
            out.printf(ROW, e.at(), e.operator(), e.action(), target, e.orderId() == null ? "" : e.orderId(),
                    e.reason());
        }
        out.printf("%d entries%n", entries.size());
    }

    private static String shortId(String id) {
        return id == null ? "" : id.length() > 8 ? id.substring(0, 8) : id;
    }
}
