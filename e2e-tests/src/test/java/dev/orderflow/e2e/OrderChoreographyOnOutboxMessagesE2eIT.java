package dev.orderflow.e2e;

import dev.orderflow.runtime.outbox.OutboxMode;

/**
 * Every scenario of {@link OrderChoreographyE2eIT} with the outbox written as transactional logical decoding
 * messages ({@code outbox.write=message}, {@code intake.outbox.write=message}) instead of rows: the same relay
 * publishes them, and every guarantee the scenarios check must hold the same way.
 */
class OrderChoreographyOnOutboxMessagesE2eIT extends OrderChoreographyE2eIT {

    @Override
    OutboxMode outboxMode() {
        return OutboxMode.MESSAGE;
    }
}
