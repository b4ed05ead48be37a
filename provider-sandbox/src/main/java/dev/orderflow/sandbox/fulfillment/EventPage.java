package dev.orderflow.sandbox.fulfillment;

import java.util.List;

/**
 * A page of the event feed.
 *
 * @param events         events with a sequence greater than the {@code after} asked for, oldest first
 * @param nextAfter      the {@code after} for the next poll (the last sequence returned, or the one asked for)
 * @param latestSequence the feed's last sequence when the page was read (0 while it is empty): a reader with no
 *                       position yet can start after it instead of reading the whole history
 */
public record EventPage(List<FulfillmentEvent> events, long nextAfter, long latestSequence) {

    public EventPage {
        events = List.copyOf(events);
    }
}
