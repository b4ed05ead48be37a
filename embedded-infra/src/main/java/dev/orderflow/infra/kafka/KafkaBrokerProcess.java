package dev.orderflow.infra.kafka;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.WorkDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real KRaft broker as a child JVM ({@code kafka.Kafka server.properties}) on this JVM's class path: the shape the
 * one-command launcher runs, so the broker can be killed and restarted on its own like a real one.
 */
public final class KafkaBrokerProcess implements KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerProcess.class);
    private static final Duration READINESS_PROBE = Duration.ofSeconds(2);
    private static final String LOG4J2_CONFIG = """
            status = warn
            appender.out.type = Console
            appender.out.name = out
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
            rootLogger.level = warn
            rootLogger.appenderRef.out.ref = out
            """;

    private final ChildProcess process;
    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final Duration startupTime;

    private KafkaBrokerProcess(ChildProcess process, String bootstrapServers, Path dataDir, boolean ownsDataDir,
                               Duration startupTime) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.startupTime = startupTime;
    }

    /** Formats the log directory (unless already formatted), starts the child and blocks until it answers. */
    public static KafkaBrokerProcess start(KafkaBrokerSettings settings) {
        long started = System.nanoTime();
        KraftStorage.PreparedNode node = KraftStorage.prepare(settings);
        ChildProcess child = launch("kafka broker", node.dataDir(), node.config(), settings.maxHeap());
        String bootstrap = node.bootstrapServers();
        awaitReady(child, node.brokerPort(), settings.startupTimeout());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("kafka broker process {} ready on {} in {} ms", child.pid(), bootstrap, took.toMillis());
        return new KafkaBrokerProcess(child, bootstrap, node.dataDir(), node.ownsDataDir(), took);
    }

    /** Starts {@code kafka.Kafka <config>} as a child JVM logging to {@code dataDir/broker.log}; does not wait. */
    static ChildProcess launch(String part, Path dataDir, Path config, String maxHeap) {
        Path log4j = ChildProcess.writeFile(dataDir.resolve("log4j2.properties"), LOG4J2_CONFIG);
        List<String> command = List.of(ChildProcess.currentJava(),
                "-Xms64m", "-Xmx" + maxHeap, "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-cp", System.getProperty("java.class.path"),
                "kafka.Kafka", config.toString());
        return ChildProcess.start(part, command, dataDir.resolve("broker.log"), Duration.ofSeconds(30));
    }

    /** Blocks until the broker on {@code brokerPort} answers a metadata request. */
    static void awaitReady(ChildProcess child, int brokerPort, Duration timeout) {
        String bootstrap = "127.0.0.1:" + brokerPort;
        child.awaitReady(() -> LoopbackPorts.acceptsConnections(brokerPort)
                && KafkaReadiness.answers(bootstrap, READINESS_PROBE), timeout);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** See {@link ChildProcess#detachShutdownHook()}. */
    public void detachShutdownHook() {
        process.detachShutdownHook();
    }

    /** SIGTERM, then SIGKILL if it does not stop in time; deletes the data directory if this broker created it. */
    @Override
    public void close() {
        process.close();
        if (ownsDataDir) {
            WorkDirectories.deleteRecursively(dataDir);
        }
    }
}
