package dev.orderflow.dlq.domain;

import java.util.Set;

/** Which audit entries to list; {@code null} or empty criteria match everything. */
public record AuditFilter(String operator, Set<AuditAction> actions, String orderId, String topic, TimeWindow window) {

    public AuditFilter {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        window = window == null ? TimeWindow.ALL : window;
    }

    public boolean matches(AuditEntry entry) {
        return (operator == null || operator.equals(entry.operator()))
                && (actions.isEmpty() || actions.contains(entry.action()))
                && (orderId == null || orderId.equals(entry.orderId()))
                && (topic == null || (entry.target() != null && topic.equals(entry.target().topic())))
                && window.contains(entry.at());
    }
}
