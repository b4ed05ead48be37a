package dev.orderflow.infra.kafka;

import java.time.Duration;

/** A running single-node KRaft broker, in this JVM or as a child process. Closing it stops it. */
public interface KafkaBroker extends AutoCloseable {

    /** {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Time from the start request until the broker answered a cluster description. */
    Duration startupTime();

    @Override
    void close();
}
