package dev.orderflow.launcher.demo;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.runtime.kafka.OrderTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Upstream systems placing orders, both ways in (DESIGN.md §2): {@code OrderPlaced} in the Confluent framing straight
 * onto the orders topic, and one order in ten through the order API's {@code POST /orders}; at a steady rate, with a realistic mix (a few SKUs, several countries, a small share of cards the gateway declines).
 */
final class LoadGenerator implements AutoCloseable {

    private static final List<String> COUNTRIES = List.of("AT", "DE", "FR", "NL", "SE", "US", "GB", "IT");
    private static final int API_SHARE = 10;
    private static final List<String> DECLINED_TOKENS = List.of("tok_insufficient_funds", "tok_card_declined");

    private final KafkaProducer<byte[], byte[]> producer;
    private final Serializer<SpecificRecord> avro;
    private final Clock clock;
    private final Random random = new Random(42);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong viaApi = new AtomicLong();
    private final URI orderApi;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** @param orderApi where every tenth order is placed over {@code POST /orders} instead (the other way in) */
    LoadGenerator(String bootstrapServers, Serializer<SpecificRecord> avro, Clock clock, URI orderApi) {
        this.orderApi = orderApi;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.CLIENT_ID_CONFIG, "upstream-load-generator"),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.avro = avro;
        this.clock = clock;
    }

    long sent() {
        return sent.get();
    }

    /** Orders placed through the order API (the rest went straight to the topic). */
    long viaApi() {
        return viaApi.get();
    }

    /** Places {@code orders} orders at {@code perSecond}, pacing against the clock; returns when all are sent. */
    void run(int orders, int perSecond) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < orders && !Thread.currentThread().isInterrupted(); i++) {
            long due = started + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);    // pacing a load, not coordinating threads
            }
            OrderPlaced order = order("order-" + UUID.randomUUID());
            if (i % API_SHARE == API_SHARE - 1) {
                placeThroughApi(order);
                sent.incrementAndGet();
                continue;
            }
            String orderId = order.getMetadata().getOrderId();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(OrderTopics.ORDERS,
                    orderId.getBytes(StandardCharsets.UTF_8), avro.serialize(OrderTopics.ORDERS, order));
            record.headers().add("eventType", OrderPlaced.class.getName().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            sent.incrementAndGet();
        }
        producer.flush();
    }

    /** The same order as JSON to POST /orders; the API assigns its own order id and writes OrderPlaced itself. */
    private void placeThroughApi(OrderPlaced order) {
        Map<String, Object> address = new java.util.LinkedHashMap<>();
        address.put("recipientName", order.getShippingAddress().getRecipientName());
        address.put("line1", order.getShippingAddress().getLine1());
        address.put("city", order.getShippingAddress().getCity());
        address.put("postalCode", order.getShippingAddress().getPostalCode());
        address.put("countryCode", order.getShippingAddress().getCountryCode());
        Map<String, Object> body = Map.of("customerId", order.getCustomerId(),
                "lineItems", order.getLineItems().stream().map(l -> Map.of("sku", l.getSku(),
                        "quantity", l.getQuantity(), "unitPriceMinor", l.getUnitPriceMinor())).toList(),
                "currency", order.getCurrency(), "totalMinor", order.getTotalMinor(),
                "shippingAddress", address, "paymentMethodToken", order.getPaymentMethodToken());
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orderApi.resolve("/orders"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", order.getMetadata().getEventId().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("POST /orders answered " + response.statusCode() + ": "
                        + response.body());
            }
            viaApi.incrementAndGet();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("POST /orders failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private OrderPlaced order(String orderId) {
        int quantity = 1 + random.nextInt(3);
        long price = 500 + random.nextInt(20) * 250L;
        String token = random.nextInt(100) < 3 ? DECLINED_TOKENS.get(random.nextInt(DECLINED_TOKENS.size()))
                : "tok_visa";
        return OrderPlaced.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId)
                        .setCorrelationId(orderId).setCausationId(null).setOccurredAt(clock.instant())
                        .setProducer("upstream-load-generator").setAttempt(1).build())
                .setCustomerId("customer-" + random.nextInt(500))
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-" + (1 + random.nextInt(5)))
                        .setQuantity(quantity).setUnitPriceMinor(price).build()))
                .setCurrency("EUR").setTotalMinor(quantity * price)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Customer " + random.nextInt(500))
                        .setLine1("Main Street " + (1 + random.nextInt(200))).setLine2(null).setCity("Somewhere")
                        .setPostalCode(String.valueOf(10000 + random.nextInt(80000))).setRegion(null)
                        .setCountryCode(COUNTRIES.get(random.nextInt(COUNTRIES.size()))).build())
                .setPaymentMethodToken(token).build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
