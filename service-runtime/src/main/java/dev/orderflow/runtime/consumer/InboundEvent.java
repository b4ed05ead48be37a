package dev.orderflow.runtime.consumer;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.runtime.deferred.DeferredAction;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded and validated event with where it came from: a record just polled, or an event the runtime parked
 * earlier and re-delivers now ({@code parked} is then the stored action).
 */
record InboundEvent(RecordSource source, SpecificRecord event, EventMetadata metadata, DeferredAction parked) {

    UUID eventId() {
        return metadata.getEventId();
    }

    String orderId() {
        return metadata.getOrderId();
    }

    boolean redelivered() {
        return parked != null;
    }
}
