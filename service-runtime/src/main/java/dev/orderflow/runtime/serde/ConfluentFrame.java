package dev.orderflow.runtime.serde;

/** The Confluent wire format's header: magic byte 0, then a 4-byte schema id, then the Avro binary. */
final class ConfluentFrame {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_BYTES = 5;

    private ConfluentFrame() {
    }
}
