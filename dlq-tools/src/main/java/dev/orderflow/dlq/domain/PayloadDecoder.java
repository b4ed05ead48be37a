package dev.orderflow.dlq.domain;

/** Turns a record value into something an operator can read; never throws for a bad payload. */
@FunctionalInterface
public interface PayloadDecoder extends AutoCloseable {

    /** A decoder for when no schema registry is configured. */
    PayloadDecoder NONE = (topic, value) -> DecodedPayload.undecodable(
            "not decoded: no schema registry configured (--registry-url or ORDERFLOW_OPS_REGISTRY_URL)");

    DecodedPayload decode(String topic, byte[] value);

    /** Releases the registry client, if any; decoding never holds anything else. */
    @Override
    default void close() {
    }
}
