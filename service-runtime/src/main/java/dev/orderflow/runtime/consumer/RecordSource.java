package dev.orderflow.runtime.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The original record an event came from, kept byte for byte for dead letters. */
record RecordSource(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
        Headers headers) {

    static RecordSource of(ConsumerRecord<byte[], byte[]> record) {
        return new RecordSource(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(),
                record.value(), new RecordHeaders(record.headers().toArray()));
    }

    /** "topic/partition@offset", the form stored with a parked event. */
    String describe() {
        return topic + "/" + partition + "@" + offset;
    }

    /** Parses {@link #describe()} back; unknown parts read as -1. */
    static RecordSource parse(String text, long timestamp, byte[] key, byte[] value) {
        String topic = text;
        int partition = -1;
        long offset = -1;
        int slash = text == null ? -1 : text.lastIndexOf('/');
        int at = text == null ? -1 : text.lastIndexOf('@');
        if (slash > 0 && at > slash) {
            try {
                topic = text.substring(0, slash);
                partition = Integer.parseInt(text.substring(slash + 1, at));
                offset = Long.parseLong(text.substring(at + 1));
            } catch (NumberFormatException e) {
                topic = text;
            }
        }
        return new RecordSource(topic == null ? "unknown" : topic, partition, offset, timestamp, key, value,
                new RecordHeaders());
    }
}
