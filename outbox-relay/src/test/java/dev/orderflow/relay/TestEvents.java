package dev.orderflow.relay;

import dev.orderflow.runtime.outbox.OutboxEvent;
import java.util.Random;
import java.util.UUID;

/** Outbox events with random payloads, as a service would write them. */
final class TestEvents {

    private final Random random;

    TestEvents(long seed) {
        this.random = new Random(seed);
    }

    OutboxEvent next(String aggregateType, String orderId) {
        return next(aggregateType, orderId, 64 + random.nextInt(512));
    }

    OutboxEvent next(String aggregateType, String orderId, int payloadSize) {
        byte[] payload = new byte[payloadSize];
        random.nextBytes(payload);
        payload[0] = 0; // the Confluent framing's magic byte, for realism; the relay does not look inside
        UUID id = new UUID(random.nextLong(), random.nextLong());
        String causation = random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString() : null;
        OutboxEvent event = new OutboxEvent(id, aggregateType, orderId, "dev.orderflow.events.TestEvent", payload,
                "corr-" + orderId, causation, null);
        return random.nextBoolean() ? event
                : event.withTraceparent("00-" + Long.toHexString(random.nextLong()) + "0000000000000000-00f067aa0ba902b7-01");
    }
}
