package dev.orderflow.dlq.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.dlq.CliRun;
import dev.orderflow.events.EventMetadata;
import dev.orderflow.events.LineItem;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.events.ShippingAddress;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.runtime.consumer.ConsumerSettings;
import dev.orderflow.runtime.consumer.Decision;
import dev.orderflow.runtime.consumer.EventConsumer;
import dev.orderflow.runtime.consumer.StageContext;
import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.deferred.DeferredAction;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.runtime.service.StageServiceRunner;
import dev.orderflow.schemas.registry.SchemaRegistrar;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.SchemaRegistryFixture;
import dev.orderflow.testing.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operators' way back, end to end with the real consumer runtime: a record dead-lettered by a defect is replayed
 * with the CLI once the defect is fixed, the consumer applies it exactly once, and a second copy on the replay topic
 * has no second effect.
 */
@ExtendWith(RealInfrastructure.class)
class ReplayThroughConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aReplayedDeadLetterIsAppliedOnceAndAgainHasNoSecondEffect(KafkaFixture kafka, SchemaRegistryFixture registry,
            PostgresFixture postgres) throws Exception {
        SchemaRegistrar.withPackagedLevels(URI.create(registry.confluentApiUrl())).registerAll();
        OpsFixture ops = new OpsFixture(kafka, registry);
        String input = UniqueNames.of("orders");
        kafka.createTopics(input);
        ConnectionInfo db = postgres.newDatabase("replay_it");
        DatabaseMigrations.migrate(db.jdbcUrl(), db.user(), db.password());
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        BuggyUntilFixed handler = new BuggyUntilFixed();

        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerSettings.NAME, ops.consumer);
        settings.put(ConsumerSettings.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(ConsumerSettings.INPUT_TOPICS, input);
        settings.put(ConsumerSettings.REGISTRY_URL, registry.apicurioApiUrl());
        try (HikariDataSource dataSource = new HikariDataSource(pool);
             EventConsumer<BuggyUntilFixed.State> consumer = EventConsumer.start(new ConsumerSettings(settings),
                     handler, dataSource, new SimpleMeterRegistry(), Clock.systemUTC(),
                     StageServiceRunner.stateJson());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig(),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            OrderPlaced order = order(UniqueNames.of("order"));
            byte[] value = EventSerdes.valueSerializer(RegistrySettings.of(registry.apicurioApiUrl()))
                    .serialize(input, order);
            producer.send(new ProducerRecord<>(input, order.getMetadata().getOrderId()
                    .getBytes(StandardCharsets.UTF_8), value)).get();
            await("dead-lettered by the defect").atMost(WAIT)
                    .until(() -> TopicRecords.readAll(kafka, ops.dlq).size() == 1);
            assertThat(applied(dataSource)).isZero();

            handler.fixed.set(true);    // the fix is deployed
            CliRun replay = ops.run("dlq", "replay", "-t", ops.dlq, "--reason", "defect fixed in 1.2.1");
            assertThat(replay.exitCode()).as(replay.toString()).isZero();
            await("applied from the replay topic").atMost(WAIT).until(() -> applied(dataSource) == 1);
            assertThat(handler.applied).hasValue(1);

            // A second copy reaches the replay topic (two operators, or a retried replay): no second effect.
            List<ConsumerRecord<byte[], byte[]>> replayed = TopicRecords.readAll(kafka, ops.replay);
            assertThat(replayed).hasSize(1);
            ConsumerRecord<byte[], byte[]> copy = replayed.get(0);
            producer.send(new ProducerRecord<>(ops.replay, null, copy.key(), copy.value(), copy.headers())).get();
            await("the copy is consumed").atMost(WAIT).until(() -> committedEnd(kafka, ops.consumer, ops.replay));
            assertThat(applied(dataSource)).isEqualTo(1);
            assertThat(handler.applied).as("the handler never saw the duplicate").hasValue(1);

            CliRun list = ops.run("dlq", "list");
            assertThat(list.out()).contains(ops.dlq).contains("REPLAYED");
            CliRun audit = ops.run("audit", "--action", "REPLAY", "--format", "jsonl");
            assertThat(audit.out().lines()).hasSize(1).allMatch(l -> l.contains("defect fixed in 1.2.1"));
            assertThat(consumer.isRunning()).isTrue();
        }
    }

    private static boolean committedEnd(KafkaFixture kafka, String group, String topic) throws Exception {
        var committed = kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long committedTotal = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(e -> e.getValue().offset()).sum();
        return committedTotal >= TopicRecords.readAll(kafka, topic).size();
    }

    private static long applied(HikariDataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM processed_event")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static OrderPlaced order(String orderId) {
        return OrderPlaced.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID()).setOrderId(orderId)
                        .setCorrelationId(orderId).setCausationId(null).setOccurredAt(Instant.now())
                        .setProducer("upstream").setAttempt(1).build())
                .setCustomerId("c-1")
                .setLineItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(1).setUnitPriceMinor(100)
                        .build()))
                .setCurrency("EUR").setTotalMinor(100)
                .setShippingAddress(ShippingAddress.newBuilder().setRecipientName("Ada").setLine1("Main St 1")
                        .setLine2(null).setCity("Vienna").setPostalCode("1010").setRegion(null).setCountryCode("AT")
                        .build())
                .setPaymentMethodToken("tok_visa").build();
    }

    /** A stage with a defect (a non-retryable failure: dead-lettered) until the fix is deployed. */
    static final class BuggyUntilFixed implements StageHandler<BuggyUntilFixed.State> {

        record State(int applied) {
        }

        final AtomicBoolean fixed = new AtomicBoolean();
        final AtomicInteger applied = new AtomicInteger();

        @Override
        public Class<State> stateType() {
            return State.class;
        }

        @Override
        public boolean handles(SpecificRecord event) {
            return event instanceof OrderPlaced;
        }

        @Override
        public Decision<State> onEvent(SpecificRecord event, EventMetadata metadata, State state,
                StageContext context) {
            if (!fixed.get()) {
                throw new ClassifiedException(FailureCategory.INTERNAL, "NullPointerException in the tax rules");
            }
            applied.incrementAndGet();
            return Decision.newState(new State(state == null ? 1 : state.applied() + 1));
        }

        @Override
        public Decision<State> onDeferred(DeferredAction action, State state, StageContext context) {
            return Decision.unchanged(state);
        }
    }
}
