package dev.orderflow.shipping.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of fulfillment stages after acceptance. Polling can miss stages (two steps between polls), so the
 * stages between the last announced one and the current one are announced too, each once and in order.
 */
public final class FulfillmentStages {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String DELIVERED = "DELIVERED";
    public static final String EXCEPTION = "EXCEPTION";
    private static final List<String> PATH = List.of(ACCEPTED, "PICKED", "PACKED", "HANDED_TO_CARRIER", DELIVERED);

    private FulfillmentStages() {
    }

    /** Stages to announce when the shipment moved from {@code last} to {@code current}; empty if it did not move. */
    public static List<String> reachedSince(String last, String current) {
        if (current == null || current.equals(last)) {
            return List.of();
        }
        if (EXCEPTION.equals(current)) {
            return List.of(EXCEPTION);
        }
        int from = PATH.indexOf(last);
        int to = PATH.indexOf(current);
        if (to < 0) {
            return List.of(EXCEPTION);    // a stage we do not know: a human looks at it, as the Avro enum says
        }
        List<String> reached = new ArrayList<>();
        for (int i = Math.max(from, 0) + 1; i <= to; i++) {
            reached.add(PATH.get(i));
        }
        return reached;
    }

    public static boolean terminal(String stage) {
        return DELIVERED.equals(stage) || EXCEPTION.equals(stage);
    }
}
