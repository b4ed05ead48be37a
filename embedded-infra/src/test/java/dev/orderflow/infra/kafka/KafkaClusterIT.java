package dev.orderflow.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A three-node cluster keeps accepting transactional writes with acks=all while one node is dead (min ISR 2), and the
 * node rejoins the in-sync replicas when started again: what the chaos run's broker-kill variant relies on.
 */
class KafkaClusterIT {

    private static final String TOPIC = "cluster-it";

    @Test
    void survivesLosingOneNodeAndTakesItBack() throws Exception {
        long[] pids = new long[3];
        try (KafkaClusterProcesses cluster = KafkaClusterProcesses.start(3, 3, "256m", Duration.ofSeconds(90));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     cluster.bootstrapServers()))) {
            for (int id = 1; id <= 3; id++) {
                pids[id - 1] = cluster.pid(id);
            }
            KafkaTopics.createAndAwait(admin, List.of(new NewTopic(TOPIC, 3, (short) 3)), Duration.ofSeconds(60));
            assertThat(replicationOf(admin)).allSatisfy(p -> assertThat(p.isr()).hasSize(3));

            writeTransactionally(cluster.bootstrapServers(), 0, 100);
            int victim = leaderOfPartitionZero(admin);
            cluster.kill(victim);
            assertThat(cluster.isRunning(victim)).isFalse();
            writeTransactionally(cluster.bootstrapServers(), 100, 200);

            cluster.start(victim);
            await("node " + victim + " back in every ISR").atMost(Duration.ofSeconds(90))
                    .until(() -> replicationOf(admin).stream().allMatch(p -> p.isr().size() == 3));
            assertThat(readAll(cluster.bootstrapServers())).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, 200).mapToObj(i -> "event-" + i).toList());
        }
        for (long pid : pids) {
            await("node process " + pid + " gone").atMost(Duration.ofSeconds(30))
                    .until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        }
    }

    private static List<TopicPartitionInfo> replicationOf(Admin admin) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        return description.partitions();
    }

    private static int leaderOfPartitionZero(Admin admin) throws Exception {
        return replicationOf(admin).get(0).leader().id();
    }

    private static void writeTransactionally(String bootstrap, int from, int to) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cluster-it-" + from),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "order-" + i, "event-" + i));
            }
            producer.commitTransaction();
        }
    }

    private static List<String> readAll(String bootstrap) {
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-it-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await("200 committed records").atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                return received.size() >= 200;
            });
        }
        return received;
    }
}
