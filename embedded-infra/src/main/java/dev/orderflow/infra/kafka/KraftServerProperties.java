package dev.orderflow.infra.kafka;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The {@code server.properties} of a KRaft node that is both broker and controller: a single-node broker, or one
 * node of a small local cluster.
 *
 * <p>The replication settings of the internal topics must be 1 on one node: with the defaults (3), consumer
 * groups get nothing and {@code initTransactions} (and so Streams exactly-once) times out. The small log-cleaner
 * buffer matters because the default 128 MiB buffer is allocated on-heap and kills a small-heap broker at start.
 */
final class KraftServerProperties {

    static final int NODE_ID = 1;

    private KraftServerProperties() {
    }

    static Properties singleNode(int brokerPort, int controllerPort, Path logDir, int partitions,
                                 Map<String, String> overrides) {
        return node(NODE_ID, brokerPort, NODE_ID + "@127.0.0.1:" + controllerPort, controllerPort, logDir, partitions,
                1, overrides);
    }

    /**
     * One node of a cluster in which every node is broker and controller: {@code voters} lists every node's
     * controller ({@code id@host:port,...}); internal topics and new topics get {@code replicationFactor} replicas
     * and need all but one of them in sync ({@code min.insync.replicas}), so the cluster survives losing one node.
     */
    static Properties clusterNode(int nodeId, int brokerPort, int controllerPort, String voters, Path logDir,
                                  int partitions, int replicationFactor, Map<String, String> overrides) {
        return node(nodeId, brokerPort, voters, controllerPort, logDir, partitions, replicationFactor, overrides);
    }

    private static Properties node(int nodeId, int brokerPort, String voters, int controllerPort, Path logDir,
                                   int partitions, int replicationFactor, Map<String, String> overrides) {
        String replicas = Integer.toString(replicationFactor);
        String minInSync = Integer.toString(Math.max(1, replicationFactor - 1));
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(nodeId));
        props.setProperty("controller.quorum.voters", voters);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        props.setProperty("num.partitions", Integer.toString(partitions));
        props.setProperty("default.replication.factor", replicas);
        props.setProperty("min.insync.replicas", minInSync);
        props.setProperty("offsets.topic.replication.factor", replicas);
        props.setProperty("offsets.topic.num.partitions", "1");
        props.setProperty("transaction.state.log.replication.factor", replicas);
        props.setProperty("transaction.state.log.min.isr", minInSync);
        props.setProperty("transaction.state.log.num.partitions", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", replicas);
        props.setProperty("share.coordinator.state.topic.min.isr", minInSync);
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // Topics are created on purpose (with the partition count the order topics must share), never by accident.
        props.setProperty("auto.create.topics.enable", "false");
        overrides.forEach(props::setProperty);
        return props;
    }

    /** Renders properties sorted by key, for a file a human may read. */
    static String render(Properties props) {
        StringWriter out = new StringWriter();
        Map<String, String> sorted = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> sorted.put(k, props.getProperty(k)));
        sorted.forEach((k, v) -> out.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return out.toString();
    }
}
