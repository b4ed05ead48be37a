package dev.orderflow.orderstream.topology;

import dev.orderflow.events.EventMetadata;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time = the event's {@code metadata.occurredAt}. Streams merges the five input topics of a task by
 * timestamp, so this orders one order's events by when they happened rather than by when a relay or producer got
 * to publish them (producer timestamps of causally ordered events can tie or invert across topics).
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof SpecificRecord event) {
            Schema.Field field = event.getSchema().getField("metadata");
            if (field != null && event.get(field.pos()) instanceof EventMetadata metadata
                    && metadata.getOccurredAt() != null) {
                return metadata.getOccurredAt().toEpochMilli();
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
