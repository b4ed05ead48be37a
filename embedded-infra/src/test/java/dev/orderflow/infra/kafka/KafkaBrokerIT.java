package dev.orderflow.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.infra.LoopbackPorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Both broker shapes start, carry records with a consumer group and transactions, and stop leaving nothing. */
class KafkaBrokerIT {

    @Test
    void inProcessBrokerServesGroupsAndTransactionsAndStopsCleanly() throws Exception {
        KafkaBroker broker = EmbeddedKafkaBroker.start(KafkaBrokerSettings.builder().partitions(2).build());
        int port = portOf(broker);
        try (broker) {
            roundTrip(broker.bootstrapServers());
        }
        assertThat(((EmbeddedKafkaBroker) broker).dataDir()).doesNotExist();
        assertThat(LoopbackPorts.isFree(port)).as("broker port released").isTrue();
    }

    @Test
    void childProcessBrokerServesRecordsAndStopsOnClose() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(KafkaBrokerSettings.builder().partitions(2).build());
        long pid = broker.pid();
        try (broker) {
            assertThat(ProcessHandle.of(pid)).isPresent();
            roundTrip(broker.bootstrapServers());
        }
        await("broker process " + pid + " gone").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        assertThat(LoopbackPorts.isFree(portOf(broker))).isTrue();
    }

    private static int portOf(KafkaBroker broker) {
        String bootstrap = broker.bootstrapServers();
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    /** A transactional write read back by a read_committed consumer group exercises every internal topic. */
    private static void roundTrip(String bootstrap) throws Exception {
        String topic = "broker-it-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            KafkaTopics.createAndAwait(admin, List.of(new NewTopic(topic, 2, (short) 1)), Duration.ofSeconds(30));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + topic),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "order-" + i, "event-" + i));
            }
            producer.commitTransaction();
        }
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "group-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await("10 committed records").atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                        return received.size() >= 10;
                    });
            consumer.commitSync();
        }
        assertThat(received).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(i -> "event-" + i).toList());
    }
}
