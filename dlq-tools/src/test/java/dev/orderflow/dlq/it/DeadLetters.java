package dev.orderflow.dlq.it;

import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.runtime.deadletter.DeadLetterHeaders;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.SchemaRegistryFixture;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Seeds a DLQ topic the way the consumer runtime writes dead letters: the original key, value (Avro in Confluent
 * framing) and headers, plus the {@code dlq.*} failure headers of the contract.
 */
final class DeadLetters {

    /** What was seeded, in partition-independent order of production. */
    record Seeded(String orderId, String eventId, byte[] value, FailureCategory category, String exceptionClass) {
    }

    private final KafkaFixture kafka;
    private final Serializer<SpecificRecord> serializer;

    DeadLetters(KafkaFixture kafka, SchemaRegistryFixture registry) {
        this.kafka = kafka;
        this.serializer = EventSerdes.valueSerializer(RegistrySettings.of(registry.apicurioApiUrl())
                .withAutoRegister(true));
    }

    static OrderPlaced orderPlaced(String orderId, UUID eventId) {
        return OrderPlaced.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(eventId).setOrderId(orderId)
                        .setCorrelationId(orderId).setCausationId(null).setOccurredAt(Instant.ofEpochMilli(1_764_000_000_000L))
                        .setProducer("upstream-shop").setAttempt(1).build())
                .setCustomerId("c-" + orderId).setCurrency("EUR").setTotalMinor(4200L)
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(2).setUnitPriceMinor(2100L)
                        .build()))
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Berlin").setPostalCode("10115").setRegion(null).setCountryCode("DE")
                        .build())
                .setPaymentMethodToken("tok-visa")
                .build();
    }

    /** Seeds {@code count} Avro dead letters of {@code consumer} plus, if asked, one poison (non-Avro) record. */
    List<Seeded> seed(String consumer, int count, FailureCategory category, String exceptionClass,
                      boolean withPoison) {
        return seed(consumer, count, category, exceptionClass, withPoison, java.util.Map.of());
    }

    /** As above, with extra headers on every record (e.g. {@code replay.count} of an earlier replay). */
    List<Seeded> seed(String consumer, int count, FailureCategory category, String exceptionClass,
                      boolean withPoison, java.util.Map<String, String> extraHeaders) {
        String dlq = OrderTopics.deadLetter(consumer);
        List<Seeded> seeded = new java.util.ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String orderId = "o-" + UUID.randomUUID().toString().substring(0, 8);
                UUID eventId = UUID.randomUUID();
                byte[] value = serializer.serialize(OrderTopics.ORDERS, orderPlaced(orderId, eventId));
                send(producer, dlq, consumer, orderId, value, eventId.toString(), category, exceptionClass, i,
                        extraHeaders);
                seeded.add(new Seeded(orderId, eventId.toString(), value, category, exceptionClass));
            }
            if (withPoison) {
                byte[] poison = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
                send(producer, dlq, consumer, "o-poison", poison, null, FailureCategory.MALFORMED,
                        "org.apache.avro.AvroRuntimeException", count, extraHeaders);
                seeded.add(new Seeded("o-poison", null, poison, FailureCategory.MALFORMED,
                        "org.apache.avro.AvroRuntimeException"));
            }
            producer.flush();
        }
        return seeded;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String dlq, String consumer, String orderId,
                             byte[] value, String eventId, FailureCategory category, String exceptionClass, int i,
                             java.util.Map<String, String> extraHeaders) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlq, null,
                orderId.getBytes(StandardCharsets.UTF_8), value);
        Headers h = record.headers();
        h.add("traceparent", ("00-trace-" + i).getBytes(StandardCharsets.UTF_8));
        DeadLetterHeaders.put(h, DeadLetterHeaders.ORIGINAL_TOPIC, OrderTopics.ORDERS);
        DeadLetterHeaders.put(h, DeadLetterHeaders.ORIGINAL_PARTITION, "0");
        DeadLetterHeaders.put(h, DeadLetterHeaders.ORIGINAL_OFFSET, Integer.toString(100 + i));
        DeadLetterHeaders.put(h, DeadLetterHeaders.ORIGINAL_TIMESTAMP, Instant.now().toString());
        DeadLetterHeaders.put(h, DeadLetterHeaders.CONSUMER_GROUP, consumer);
        DeadLetterHeaders.put(h, DeadLetterHeaders.EXCEPTION_CLASS, exceptionClass);
        DeadLetterHeaders.put(h, DeadLetterHeaders.EXCEPTION_MESSAGE, "failed for test " + i);
        DeadLetterHeaders.put(h, DeadLetterHeaders.EXCEPTION_STACKTRACE, exceptionClass + ": failed\n\tat a.B.c(B.java:1)");
        DeadLetterHeaders.put(h, DeadLetterHeaders.FAILURE_CATEGORY, category.name());
        DeadLetterHeaders.put(h, DeadLetterHeaders.ATTEMPTS, "1");
        DeadLetterHeaders.put(h, DeadLetterHeaders.FIRST_FAILURE, Instant.now().toString());
        DeadLetterHeaders.put(h, DeadLetterHeaders.LAST_FAILURE, Instant.now().toString());
        if (eventId != null) {
            DeadLetterHeaders.put(h, DeadLetterHeaders.EVENT_ID, eventId);
        }
        extraHeaders.forEach((name, text) -> DeadLetterHeaders.put(h, name, text));
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot seed " + dlq, e);
        }
    }
}
