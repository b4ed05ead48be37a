package dev.orderflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.PaymentDeclineReason;
import dev.orderflow.events.PaymentDeclined;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three real parts together: schemas registered in the registry, Avro events in the Confluent framing through
 * the real broker (two event types on one topic), and a logical-replication change read from PostgreSQL.
 */
@ExtendWith(RealInfrastructure.class)
class InfrastructureSmokeIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void avroEventsInTheConfluentFramingTravelThroughTheBroker(KafkaFixture kafka, SchemaRegistryFixture registry)
            throws Exception {
        Map<String, Integer> ids = SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl()))
                .registerAll();
        RegistrySettings settings = RegistrySettings.of(registry.apicurioApiUrl());
        String topic = UniqueNames.of("orders");
        kafka.createTopics(topic);
        String orderId = UUID.randomUUID().toString();
        List<SpecificRecord> sent = List.of(orderPlaced(orderId), paymentDeclined(orderId));

        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(kafka.producerConfig(),
                new StringSerializer(), EventSerdes.valueSerializer(settings))) {
            for (SpecificRecord event : sent) {
                producer.send(new ProducerRecord<>(topic, orderId, event)).get();
            }
        }

        List<ConsumerRecord<String, byte[]>> raw = consumeRaw(kafka, topic, sent.size());
        Deserializer<SpecificRecord> deserializer = EventSerdes.valueDeserializer(settings);
        for (int i = 0; i < sent.size(); i++) {
            SpecificRecord expected = sent.get(i);
            byte[] frame = raw.get(i).value();
            String subject = expected.getSchema().getFullName();

            assertThat(frame[0]).as("Confluent magic byte").isZero();
            int schemaId = ByteBuffer.wrap(frame, 1, 4).getInt();
            assertThat(schemaId).as("schema id of %s", subject).isEqualTo(ids.get(subject));
            assertThat(raw.get(i).key()).isEqualTo(orderId);

            GenericRecord asConfluentConsumerSeesIt = decodeLikeAConfluentConsumer(registry, schemaId, frame);
            assertThat(asConfluentConsumerSeesIt.getSchema().getFullName()).isEqualTo(subject);
            assertThat(((GenericRecord) asConfluentConsumerSeesIt.get("metadata")).get("orderId").toString())
                    .isEqualTo(orderId);

            assertThat(deserializer.deserialize(topic, frame)).isEqualTo(expected);
        }
    }

    @Test
    void laterRecordsOfAClassOrSchemaIdAreFramedAndDecodedExactlyAsTheFirst(SchemaRegistryFixture registry)
            throws Exception {
        Map<String, Integer> ids = SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl()))
                .registerAll();
        RegistrySettings settings = RegistrySettings.of(registry.apicurioApiUrl());
        Serializer<SpecificRecord> serializer = EventSerdes.valueSerializer(settings);
        Deserializer<SpecificRecord> deserializer = EventSerdes.valueDeserializer(settings);
        for (int round = 0; round < 3; round++) {    // the first round goes through Apicurio, the others not
            for (SpecificRecord event : List.of(orderPlaced(UUID.randomUUID().toString()),
                    paymentDeclined(UUID.randomUUID().toString()))) {
                byte[] frame = serializer.serialize("any-topic", event);

                assertThat(frame).as("round %d of %s", round, event.getSchema().getName())
                        .isEqualTo(confluentFrame(ids.get(event.getSchema().getFullName()), event));
                assertThat(deserializer.deserialize("any-topic", frame)).isEqualTo(event);
            }
        }
        byte[] truncated = Arrays.copyOf(serializer.serialize("t", orderPlaced("o-1")), 12);
        assertThatThrownBy(() -> deserializer.deserialize("t", truncated))
                .as("a known schema id with bytes that are not its record").isInstanceOf(RuntimeException.class);
    }

    @Test
    void aFrameBuiltByAnotherConfluentProducerIsDecoded(SchemaRegistryFixture registry) throws Exception {
        Map<String, Integer> ids = SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl()))
                .registerAll();
        OrderPlaced event = orderPlaced(UUID.randomUUID().toString());
        byte[] frame = confluentFrame(ids.get(event.getSchema().getFullName()), event);

        SpecificRecord decoded = EventSerdes.valueDeserializer(RegistrySettings.of(registry.apicurioApiUrl()))
                .deserialize("upstream-orders", frame);

        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void logicalReplicationDeliversAnOutboxInsert(PostgresFixture postgres) throws Exception {
        ConnectionInfo db = postgres.newDatabase("smoke");
        String slot = UniqueNames.identifier("smoke_slot");
        try (Connection c = postgres.connect(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE outbox (id uuid PRIMARY KEY, aggregateid text NOT NULL, payload bytea)");
            s.execute("CREATE PUBLICATION smoke_pub FOR TABLE outbox");
            s.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
            try {
                s.execute("INSERT INTO outbox VALUES ('" + UUID.randomUUID() + "', 'order-42', '\\x00ff')");
                List<String> messages = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT data FROM pg_logical_slot_get_binary_changes('" + slot
                        + "', NULL, NULL, 'proto_version', '1', 'publication_names', 'smoke_pub')")) {
                    while (rs.next()) {
                        messages.add(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1));
                    }
                }
                // pgoutput: Begin, Relation, Insert, Commit; the insert carries the row's text values.
                assertThat(messages).extracting(m -> m.charAt(0)).containsSubsequence('B', 'R', 'I', 'C');
                assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("I").contains("order-42"));
            } finally {
                s.execute("SELECT pg_drop_replication_slot('" + slot + "')");
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consumeRaw(KafkaFixture kafka, String topic, int count) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                kafka.consumerConfig(UniqueNames.of("smoke")), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("records on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= count;
            });
        }
        return received;
    }

    /** What a Confluent deserializer does: look the writer schema up by id, then read the Avro binary after it. */
    private GenericRecord decodeLikeAConfluentConsumer(SchemaRegistryFixture registry, int id, byte[] frame)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(registry.confluentApiUrl() + "/schemas/ids/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Schema writer = new Schema.Parser().parse(new ObjectMapper().readTree(response.body()).get("schema").asText());
        return new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(frame, 5, frame.length - 5, null));
    }

    /** Magic byte 0, the 4-byte schema id, then Avro binary: Confluent's wire format, built by hand. */
    private static byte[] confluentFrame(int schemaId, SpecificRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static EventMetadata metadata(String orderId, String producer) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOrderId(orderId)
                .setCorrelationId(orderId)
                .setCausationId(null)
                .setOccurredAt(Instant.ofEpochMilli(1_763_800_000_000L))
                .setProducer(producer)
                .build();
    }

    private static OrderPlaced orderPlaced(String orderId) {
        return OrderPlaced.newBuilder()
                .setMetadata(metadata(orderId, "smoke-test"))
                .setCustomerId("customer-7")
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(2).setUnitPriceMinor(1250)
                        .build()))
                .setCurrency("EUR")
                .setTotalMinor(2500)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada Lovelace").setLine1("1 Main St")
                        .setCity("Berlin").setPostalCode("10115").setCountryCode("DE").build())
                .setPaymentMethodToken("tok_visa_4242")
                .build();
    }

    private static PaymentDeclined paymentDeclined(String orderId) {
        return PaymentDeclined.newBuilder()
                .setMetadata(metadata(orderId, "payment-consumer"))
                .setReasonCode(PaymentDeclineReason.INSUFFICIENT_FUNDS)
                .setDetail("declined by issuer")
                .build();
    }
}
