package dev.orderflow.orderstream.testing;

import dev.orderflow.runtime.kafka.OrderTopics;
import org.apache.avro.specific.SpecificRecord;

/** Which topic each event type is published on (OrderTopics' contract), for tests that produce events. */
public final class EventTopics {

    private EventTopics() {
    }

    public static String defaultTopicOf(SpecificRecord event) {
        String name = event.getSchema().getName();
        if (name.equals("OrderPlaced")) {
            return OrderTopics.ORDERS;
        } else if (name.startsWith("Inventory")) {
            return OrderTopics.INVENTORY;
        } else if (name.startsWith("Payment") || name.equals("OrderEscalated")) {
            return OrderTopics.PAYMENT;
        } else if (name.startsWith("Shipment") || name.equals("FulfillmentProgressed")) {
            return OrderTopics.SHIPPING;
        } else if (name.endsWith("Command")) {
            return OrderTopics.COMMANDS;
        }
        throw new IllegalArgumentException("no topic for " + name);
    }
}
