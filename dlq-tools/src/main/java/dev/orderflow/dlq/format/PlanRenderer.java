package dev.orderflow.dlq.format;

import dev.orderflow.dlq.domain.RecordHeader;
import dev.orderflow.dlq.domain.RecordStatus;
import dev.orderflow.dlq.domain.Refusal;
import dev.orderflow.dlq.domain.ReplayItem;
import dev.orderflow.dlq.domain.ReplayPlan;
import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a replay plan: for a dry run, exactly what each record would be sent as. */
public final class PlanRenderer {

    private PlanRenderer() {
    }

    public static void items(ReplayPlan plan, PrintWriter out) {
        for (ReplayItem item : plan.items()) {
            out.printf("%s -> %s  key=%s  value=%d bytes%n", item.source().ref(), item.destination(),
                    item.source().keyText().orElse("(none)"), item.value() == null ? 0 : item.value().length);
            out.println("    headers: " + item.headers().stream().map(PlanRenderer::header)
                    .collect(Collectors.joining(", ")));
        }
    }

    public static void refusals(ReplayPlan plan, PrintWriter err) {
        for (Refusal refusal : plan.refusals()) {
            err.printf("refused %s: %s%n", refusal.ref(), refusal.reason());
        }
    }

    public static String summary(ReplayPlan plan) {
        StringBuilder text = new StringBuilder();
        text.append(plan.items().size()).append(" to replay");
        if (!plan.refusals().isEmpty()) {
            text.append(", ").append(plan.refusals().size()).append(" refused");
        }
        for (Map.Entry<RecordStatus, Integer> e : plan.alreadyResolved().entrySet()) {
            text.append(", ").append(e.getValue()).append(" already ").append(e.getKey().name().toLowerCase())
                    .append(" (skipped)");
        }
        if (plan.deferred() > 0) {
            text.append(", ").append(plan.deferred()).append(" left for a later run (--limit)");
        }
        return text.toString();
    }

    private static String header(RecordHeader header) {
        String value = header.textValue();
        if (value != null && header.name().equals(DeadLetterHeaders.EXCEPTION_STACKTRACE)) {
            value = value.lines().findFirst().orElse("") + " …(" + value.length() + " chars)";
        }
        return header.name() + "=" + value;
    }
}
