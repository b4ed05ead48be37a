package dev.orderflow.sandbox.fulfillment;

import java.util.List;

/**
 * A page of the event feed.
 *
 * @param events    events with a sequence greater than the {@code after} asked for, oldest first
 * @param nextAfter the {@code after} for the next poll (the last sequence returned, or the one asked for)
 */
public record EventPage(List<FulfillmentEvent> events, long nextAfter) {

    public EventPage {
        events = List.copyOf(events);
    }
}
