package dev.orderflow.bench.system;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ShippingAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Places orders at a steady rate (or as fast as the pipeline takes them), each valid: five SKUs that are stocked
 * for long runs, countries the fulfillment provider serves, a card the gateway accepts. So every order that does
 * not reach shipment was held back by a fault or by the system, not by the order itself.
 */
final class LoadGenerator {

    /** Rate meaning "as fast as possible". */
    static final int MAX_RATE = 0;
    private static final List<String> COUNTRIES = List.of("AT", "DE", "FR", "NL", "SE", "US", "GB", "IT");

    private final Pipeline pipeline;
    private final RunRecorder recorder;
    private final Clock clock;
    private final Random random = new Random(42);

    LoadGenerator(Pipeline pipeline, RunRecorder recorder, Clock clock) {
        this.pipeline = pipeline;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Places {@code orders} at {@code perSecond} ({@link #MAX_RATE}: no pacing); returns when all are placed. */
    void run(int orders, int perSecond) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            if (perSecond != MAX_RATE) {
                long wait = started + (long) (i * 1e9 / perSecond) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);    // pacing a load, not coordinating threads
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("load generator interrupted after " + i + " orders");
            }
            Instant now = clock.instant();
            OrderPlaced order = order("bench-" + UUID.randomUUID(), now);
            recorder.placed(order.getMetadata().getOrderId(), now.toEpochMilli());
            pipeline.place(order);
        }
    }

    private OrderPlaced order(String orderId, Instant now) {
        int quantity = 1 + random.nextInt(3);
        long price = 500 + random.nextInt(20) * 250L;
        return OrderPlaced.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId)
                        .setCorrelationId(orderId).setCausationId(null).setOccurredAt(now)
                        .setProducer("benchmark-load-generator").setAttempt(1).build())
                .setCustomerId("customer-" + random.nextInt(500))
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-" + (1 + random.nextInt(5)))
                        .setQuantity(quantity).setUnitPriceMinor(price).build()))
                .setCurrency("EUR").setTotalMinor(quantity * price)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Customer " + random.nextInt(500))
                        .setLine1("Main Street " + (1 + random.nextInt(200))).setLine2(null).setCity("Somewhere")
                        .setPostalCode(String.valueOf(10000 + random.nextInt(80000))).setRegion(null)
                        .setCountryCode(COUNTRIES.get(random.nextInt(COUNTRIES.size()))).build())
                .setPaymentMethodToken("tok_visa").build();
    }
}
