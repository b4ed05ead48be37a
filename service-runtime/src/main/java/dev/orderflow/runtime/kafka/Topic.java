package dev.orderflow.runtime.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its keys and values, passed to whoever reads or writes it; there is no static
 * registry of topics.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (name == null || !name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("Invalid topic name '" + name
                    + "': use letters, digits, '.', '_' and '-' (at most 249)");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
