package dev.orderflow.orderstream.json;

import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serializer that writes a value once when it is asked for the same value again right after, on the same thread:
 * order-stream puts each new view into its store and then forwards it to the state topic, and serializing the view
 * (timeline included) twice was its largest cost. The same value means the same object: views are immutable. Each
 * call returns its own copy of the bytes, as Kafka may keep them.
 */
public final class LastValueSerializer<T> implements Serializer<T> {

    private final Serializer<T> delegate;
    private final ThreadLocal<Last> last = new ThreadLocal<>();

    private record Last(Object value, byte[] bytes) {
    }

    public LastValueSerializer(Serializer<T> delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] serialize(String topic, T value) {
        Last previous = last.get();
        if (value != null && previous != null && previous.value() == value) {
            return Arrays.copyOf(previous.bytes(), previous.bytes().length);
        }
        byte[] bytes = delegate.serialize(topic, value);
        last.set(value == null || bytes == null ? null : new Last(value, bytes));
        return bytes == null ? null : Arrays.copyOf(bytes, bytes.length);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T value) {
        return serialize(topic, value);
    }

    @Override
    public void close() {
        last.remove();
        delegate.close();
    }
}
