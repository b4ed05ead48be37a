package dev.orderflow.launcher.demo;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each order is, as far as the events on the order topics tell: the latest outcome per order, folded from
 * event types. Counts per outcome feed the live progress line and the summary. Not the read model (order-stream
 * is); a watcher's view, enough to show the flow and to know when the run has drained.
 */
final class OrderProgress {

    enum Outcome {
        PLACED(false), RESERVED(false), INVENTORY_PENDING(false), AUTHORIZED(false), PAYMENT_PENDING(false),
        SHIPMENT_ACCEPTED(false), SHIPMENT_PENDING(false), FULFILLING(false), DELIVERED(true), REJECTED(true),
        CANCELLED(true), BLOCKED(true), ESCALATED(true);

        final boolean settled;

        Outcome(boolean settled) {
            this.settled = settled;
        }
    }

    private final Map<String, Outcome> orders = new HashMap<>();
    private final Map<String, Long> eventCounts = new HashMap<>();

    /** Folds one event (by its type's simple name) into its order's outcome. */
    synchronized void record(String orderId, String eventType) {
        eventCounts.merge(eventType, 1L, Long::sum);
        Outcome current = orders.get(orderId);
        Outcome next = switch (eventType) {
            case "OrderPlaced" -> current == null ? Outcome.PLACED : current;
            case "InventoryReserved" -> advance(current, Outcome.RESERVED);
            case "InventoryPending" -> advance(current, Outcome.INVENTORY_PENDING);
            case "InventoryRejected" -> Outcome.REJECTED;
            case "PaymentAuthorized" -> advance(current, Outcome.AUTHORIZED);
            case "PaymentPending" -> advance(current, Outcome.PAYMENT_PENDING);
            case "PaymentDeclined", "PaymentVoided", "InventoryReleased" -> Outcome.CANCELLED;
            case "ShipmentAccepted" -> advance(current, Outcome.SHIPMENT_ACCEPTED);
            case "ShipmentPending" -> advance(current, Outcome.SHIPMENT_PENDING);
            case "ShipmentRejected" -> Outcome.BLOCKED;
            case "FulfillmentProgressed" -> advance(current, Outcome.FULFILLING);
            case "OrderEscalated" -> current != null && current.settled ? current : Outcome.ESCALATED;
            default -> current;
        };
        if (next != null) {
            orders.put(orderId, next);
        }
    }

    /** Marks an order delivered (a FulfillmentProgressed event with stage DELIVERED). */
    synchronized void delivered(String orderId) {
        orders.put(orderId, Outcome.DELIVERED);
    }

    /** A later stage wins; an order never moves back (events of different topics arrive in any order). */
    private static Outcome advance(Outcome current, Outcome next) {
        if (current == null) {
            return next;
        }
        if (current.settled) {
            return current;
        }
        return next.ordinal() > current.ordinal() ? next : current;
    }

    synchronized Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        orders.values().forEach(o -> counts.merge(o, 1L, Long::sum));
        return counts;
    }

    synchronized long orders() {
        return orders.size();
    }

    /** Orders that reached an end: delivered, rejected, cancelled, blocked for a human, or escalated. */
    synchronized long settled() {
        return orders.values().stream().filter(o -> o.settled).count();
    }

    synchronized long events(String type) {
        return eventCounts.getOrDefault(type, 0L);
    }
}
