package dev.orderflow.infra.kafka;

import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.infra.WorkDirectories;
import java.nio.file.Path;
import java.time.Duration;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft broker running inside this JVM, started from the Kafka jars: what integration tests share (one per
 * test JVM). Kafka's own test harness is not needed, only {@code kafka_2.13} and {@code kafka-server}.
 */
public final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final Duration startupTime;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean ownsDataDir,
                                Duration startupTime) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.startupTime = startupTime;
    }

    /** Formats a log directory, starts the broker and blocks until it answers. */
    public static EmbeddedKafkaBroker start(KafkaBrokerSettings settings) {
        long started = System.nanoTime();
        KraftStorage.PreparedNode node = KraftStorage.prepare(settings);
        KafkaFatalErrors.install();
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(node.props(), false), Time.SYSTEM);
        String bootstrap = node.bootstrapServers();
        try {
            server.startup();
            KafkaFatalErrors.throwIfAny();
            if (!KafkaReadiness.answers(bootstrap, settings.startupTimeout())) {
                throw new InfrastructureStartException("kafka broker on " + bootstrap + " started but did not answer "
                        + "a cluster description within " + settings.startupTimeout().toSeconds() + " s");
            }
        } catch (RuntimeException e) {
            stopQuietly(server);
            if (node.ownsDataDir()) {
                WorkDirectories.deleteRecursively(node.dataDir());
            }
            throw e instanceof InfrastructureStartException ise ? ise
                    : new InfrastructureStartException("kafka broker on " + bootstrap + " failed to start: " + e, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("kafka broker ready on {} in {} ms", bootstrap, took.toMillis());
        return new EmbeddedKafkaBroker(server, bootstrap, node.dataDir(), node.ownsDataDir(), took);
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("kafka broker did not shut down cleanly after a failed start", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        if (ownsDataDir) {
            WorkDirectories.deleteRecursively(dataDir);
        }
    }
}
