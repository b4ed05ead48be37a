package dev.orderflow.launcher;

import dev.orderflow.infra.kafka.KafkaTopics;
import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.runtime.kafka.OrderTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates every topic of the platform before anything produces: the order topics with one partition count (so
 * order-stream needs no repartitioning), each consumer's dead-letter and replay topics, order-stream's dead-letter
 * topic, the compacted state topic and the audit log.
 */
public final class PlatformTopics {

    private PlatformTopics() {
    }

    public static List<String> create(Admin admin, List<String> consumers, int partitions) {
        return create(admin, consumers, partitions, (short) 1);
    }

    /** As {@link #create(Admin, List, int)}, each topic with {@code replicas} replicas (a multi-broker cluster). */
    public static List<String> create(Admin admin, List<String> consumers, int partitions, short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(OrderTopics.ORDERS, OrderTopics.INVENTORY, OrderTopics.PAYMENT,
                OrderTopics.SHIPPING, OrderTopics.FULFILLMENT_FEED, OrderTopics.COMMANDS, OrderTopics.EXCEPTIONS)) {
            topics.add(new NewTopic(name, partitions, replicas));
        }
        topics.add(new NewTopic(OrderTopics.STATE, partitions, replicas)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        for (String consumer : consumers) {
            topics.add(new NewTopic(OrderTopics.deadLetter(consumer), partitions, replicas));
            topics.add(new NewTopic(OrderTopics.replay(consumer), partitions, replicas));
        }
        // order-stream dead-letters what it cannot decode (poison on the orders topic) to its own topic.
        topics.add(new NewTopic(OrderTopics.deadLetter(OrderStreamConfig.CONSUMER_NAME), partitions, replicas));
        topics.add(new NewTopic(OrderTopics.AUDIT, 1, replicas));
        KafkaTopics.createAndAwait(admin, topics, Duration.ofSeconds(30));
        return topics.stream().map(NewTopic::name).toList();
    }
}
