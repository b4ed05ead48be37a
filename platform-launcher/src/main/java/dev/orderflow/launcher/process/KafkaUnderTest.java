package dev.orderflow.launcher.process;

import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.kafka.KafkaBrokerProcess;
import dev.orderflow.infra.kafka.KafkaBrokerSettings;
import dev.orderflow.infra.kafka.KafkaClusterProcesses;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Kafka the process platform runs on, and the failure it can suffer: a single broker restarted in place
 * (SIGTERM, then the same ports and data), or a three-node cluster (replication factor 3, min ISR 2) that loses a
 * node to SIGKILL and gets it back.
 */
abstract class KafkaUnderTest implements AutoCloseable {

    private static final Duration CLUSTER_START = Duration.ofMinutes(3);

    /** A single broker with its data in {@code dataDir}, kept across restarts. */
    static KafkaUnderTest singleBroker(Path dataDir) {
        return new SingleBroker(KafkaBrokerSettings.builder().brokerPort(LoopbackPorts.pick())
                .controllerPort(LoopbackPorts.pick()).dataDir(dataDir).build());
    }

    /** A cluster of {@code nodes} (at least 3) broker-and-controller nodes. */
    static KafkaUnderTest cluster(int nodes, int partitions) {
        return new Cluster(KafkaClusterProcesses.start(nodes, partitions, "384m", CLUSTER_START));
    }

    abstract String bootstrapServers();

    /** Replicas of every topic the platform creates (and of the internal topics its parts create). */
    abstract short replicationFactor();

    /** What {@link #disrupt()} does, for the chaos schedule's log. */
    abstract String disruption();

    /** Takes Kafka (or a part of it) away and brings it back; returns when it answers again. */
    abstract void disrupt();

    @Override
    public abstract void close();

    private static final class SingleBroker extends KafkaUnderTest {
        private final KafkaBrokerSettings settings;
        private KafkaBrokerProcess broker;

        SingleBroker(KafkaBrokerSettings settings) {
            this.settings = settings;
            this.broker = KafkaBrokerProcess.start(settings);
        }

        @Override
        synchronized String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        short replicationFactor() {
            return 1;
        }

        @Override
        String disruption() {
            return "restart kafka broker";
        }

        @Override
        synchronized void disrupt() {
            broker.close();
            broker = KafkaBrokerProcess.start(settings);
        }

        @Override
        public synchronized void close() {
            broker.close();
        }
    }

    private static final class Cluster extends KafkaUnderTest {
        /** The node that is killed: any one will do, the cluster must survive losing whichever. */
        private static final int VICTIM = 1;
        private final KafkaClusterProcesses cluster;

        Cluster(KafkaClusterProcesses cluster) {
            this.cluster = cluster;
        }

        @Override
        String bootstrapServers() {
            return cluster.bootstrapServers();
        }

        @Override
        short replicationFactor() {
            return (short) cluster.size();
        }

        @Override
        String disruption() {
            return "SIGKILL kafka node " + VICTIM + " of " + cluster.size();
        }

        @Override
        void disrupt() {
            cluster.kill(VICTIM);
            cluster.start(VICTIM);
        }

        @Override
        public void close() {
            cluster.close();
        }
    }
}
