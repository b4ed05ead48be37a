package dev.orderflow.infra.kafka;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.WorkDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of several child-process nodes, each broker and controller, with replication factor = the node
 * count and {@code min.insync.replicas} one less: the smallest shape in which losing a broker is survivable, for
 * failure tests that kill one node and bring it back ({@link #kill(int)}, {@link #stop(int)}, {@link #start(int)}).
 *
 * <p>Every node keeps its ports and data directory for the cluster's life, so a restarted node rejoins as itself
 * and catches up from its replicas.
 */
public final class KafkaClusterProcesses implements KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaClusterProcesses.class);

    private final Path rootDir;
    private final List<Node> nodes;
    private final String maxHeap;
    private final Duration startupTimeout;
    private final ChildProcess[] running;
    private volatile Duration startupTime = Duration.ZERO;

    /** One node's fixed identity: id (1-based), broker port, data directory and formatted config. */
    private record Node(int id, int brokerPort, Path dataDir, Path config) {
    }

    private KafkaClusterProcesses(Path rootDir, List<Node> nodes, String maxHeap, Duration startupTimeout,
                                  ChildProcess[] running) {
        this.rootDir = rootDir;
        this.nodes = nodes;
        this.maxHeap = maxHeap;
        this.startupTimeout = startupTimeout;
        this.running = running;
    }

    /**
     * Formats and starts {@code size} nodes (at least 3) in a fresh temp directory and blocks until each answers.
     *
     * @param partitions default partition count of topics created without one
     */
    public static KafkaClusterProcesses start(int size, int partitions, String maxHeap, Duration startupTimeout) {
        if (size < 3) {
            throw new IllegalArgumentException("Invalid value " + size + " for size: a cluster that survives losing a"
                    + " node needs at least 3");
        }
        long started = System.nanoTime();
        Path rootDir = WorkDirectories.createTemp("kafka-cluster-");
        List<Integer> brokerPorts = new ArrayList<>();
        Map<Integer, Integer> controllerPorts = new HashMap<>();
        for (int id = 1; id <= size; id++) {
            brokerPorts.add(LoopbackPorts.pick());
            controllerPorts.put(id, LoopbackPorts.pick());
        }
        String voters = controllerPorts.entrySet().stream()
                .map(e -> e.getKey() + "@127.0.0.1:" + e.getValue()).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<Node> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            Path dataDir = rootDir.resolve("node-" + id);
            Properties props = KraftServerProperties.clusterNode(id, brokerPorts.get(id - 1), controllerPorts.get(id),
                    voters, dataDir.resolve("logs"), partitions, size, Map.of());
            nodes.add(new Node(id, brokerPorts.get(id - 1), dataDir, KraftStorage.format(props, dataDir, clusterId)));
        }
        KafkaClusterProcesses cluster = new KafkaClusterProcesses(rootDir, List.copyOf(nodes), maxHeap,
                startupTimeout, new ChildProcess[size]);
        try {
            // All nodes first: no controller is elected, so no broker is ready, until a majority runs.
            for (Node node : nodes) {
                cluster.launch(node);
            }
            for (Node node : nodes) {
                KafkaBrokerProcess.awaitReady(cluster.running[node.id() - 1], node.brokerPort(), startupTimeout);
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        cluster.startupTime = Duration.ofNanos(System.nanoTime() - started);
        log.info("kafka cluster of {} nodes ready on {} in {} ms", size, cluster.bootstrapServers(),
                cluster.startupTime.toMillis());
        return cluster;
    }

    private void launch(Node node) {
        running[node.id() - 1] = KafkaBrokerProcess.launch("kafka node " + node.id(), node.dataDir(), node.config(),
                maxHeap);
    }

    /** Every node's broker address, so a client reaches the cluster whichever node is down. */
    @Override
    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.brokerPort()).collect(Collectors.joining(","));
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    public int size() {
        return nodes.size();
    }

    /** True while node {@code id}'s process runs. */
    public synchronized boolean isRunning(int id) {
        ChildProcess process = running[index(id)];
        return process != null && process.isAlive();
    }

    /** The process id of node {@code id}, which must be running. */
    public synchronized long pid(int id) {
        return requireRunning(id).pid();
    }

    /** Crashes node {@code id} (SIGKILL). */
    public synchronized void kill(int id) {
        ChildProcess process = requireRunning(id);
        log.info("killing kafka node {} (pid {})", id, process.pid());
        process.kill();
        process.close();
        running[index(id)] = null;
    }

    /** Stops node {@code id} gracefully (SIGTERM: it hands its partition leadership over first). */
    public synchronized void stop(int id) {
        ChildProcess process = requireRunning(id);
        process.close();
        running[index(id)] = null;
    }

    /** Starts the stopped or killed node {@code id} again with its data and ports, and waits until it answers. */
    public void start(int id) {
        Node node = nodes.get(index(id));
        ChildProcess process;
        synchronized (this) {
            if (isRunning(id)) {
                throw new IllegalStateException("kafka node " + id + " is already running");
            }
            launch(node);
            process = running[index(id)];
        }
        KafkaBrokerProcess.awaitReady(process, node.brokerPort(), startupTimeout);
        log.info("kafka node {} running again (pid {})", id, process.pid());
    }

    private ChildProcess requireRunning(int id) {
        ChildProcess process = running[index(id)];
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("kafka node " + id + " is not running");
        }
        return process;
    }

    private int index(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("Invalid node id " + id + ": nodes are 1.." + nodes.size());
        }
        return id - 1;
    }

    /**
     * Kills every node and deletes the cluster's data. Not a graceful stop: nodes stopped one by one lose their
     * quorum, and the last ones then wait out their whole shutdown timeout for a controller that is gone; with the
     * data deleted anyway, there is nothing a graceful stop would keep.
     */
    @Override
    public synchronized void close() {
        for (int i = 0; i < running.length; i++) {
            if (running[i] != null) {
                running[i].kill();
                running[i].close();
                running[i] = null;
            }
        }
        WorkDirectories.deleteRecursively(rootDir);
    }

    @Override
    public String toString() {
        return "kafka cluster " + bootstrapServers();
    }
}
