package dev.orderflow.orderstream.topology;

/**
 * A record that decoded but cannot be applied: an event type order-stream does not know, or a key that does not
 * match the event's order id. Permanent (category MALFORMED): the record is dead-lettered, never retried.
 */
public final class UnsupportedEventException extends RuntimeException {

    public UnsupportedEventException(String message) {
        super(message);
    }
}
