package dev.orderflow.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.runtime.outbox.OutboxEvent;
import dev.orderflow.testing.KafkaFixture;
import dev.orderflow.testing.PostgresFixture;
import dev.orderflow.testing.RealInfrastructure;
import dev.orderflow.testing.UniqueNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The relay as its own process, killed with SIGKILL in the middle of a stream and started again. */
@ExtendWith(RealInfrastructure.class)
class RelayCrashIT {

    private static final Logger log = LoggerFactory.getLogger(RelayCrashIT.class);
    private static final int EVENTS = 20_000;
    private static final int EVENTS_PER_TRANSACTION = 4;
    private static final Duration DRAIN = Duration.ofMinutes(3);

    @Test
    void aRelayKilledMidStreamLosesNothingAfterRestart(KafkaFixture kafka, PostgresFixture postgres) throws Exception {
        OutboxDatabase db = OutboxDatabase.create(postgres, "relay_crash");
        String topic = UniqueNames.of("relay-crash") + ".order.payment";
        kafka.createTopics(topic);
        int httpPort = LoopbackPorts.pick();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "relay-crash");
        Path config = writeConfig(dir, kafka, db, topic, httpPort);

        ConcurrentLinkedQueue<UUID> committed = new ConcurrentLinkedQueue<>();
        try (TopicReader reader = new TopicReader(kafka.consumerConfig(UniqueNames.of("g")), List.of(topic))) {
            ChildProcess relay = startRelay(config, dir.resolve("relay-1.log"), httpPort);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> commitEvents(db, committed));

            await("a third of the stream published").atMost(DRAIN).until(() -> reader.poll() >= EVENTS / 3);
            relay.kill();
            int arrivedBeforeKill = reader.poll();
            log.info("relay killed (SIGKILL) after {} events had arrived; {} committed so far", arrivedBeforeKill,
                    committed.size());

            try (ChildProcess restarted = startRelay(config, dir.resolve("relay-2.log"), httpPort)) {
                writer.join();
                await("every committed event published").atMost(DRAIN).until(() -> reader.poll() >= EVENTS
                        && PublicationAudit.of(committed, reader.records()).lost() == 0);
                // Let late duplicates, if any, arrive before counting them.
                await().pollDelay(Duration.ofSeconds(1)).until(() -> reader.poll() >= EVENTS);
                PublicationAudit audit = PublicationAudit.of(committed, reader.records());
                log.info("relay crash test: {}", audit);
                System.out.println("RELAY CRASH TEST: killed after " + arrivedBeforeKill + " arrived; " + audit);
                assertThat(audit.committed()).isEqualTo(EVENTS);
                assertThat(audit.lost()).isZero();
            }
        } finally {
            dev.orderflow.infra.WorkDirectories.deleteRecursively(dir);
        }
    }

    private static void commitEvents(OutboxDatabase db, ConcurrentLinkedQueue<UUID> committed) {
        TestEvents events = new TestEvents(11);
        try (OutboxDatabase.Session session = db.session()) {
            for (int tx = 0; tx < EVENTS / EVENTS_PER_TRANSACTION; tx++) {
                List<OutboxEvent> batch = new ArrayList<>();
                for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
                    batch.add(events.next("order.payment", "order-" + (tx % 500), 256));
                }
                session.commit(batch);
                batch.forEach(e -> committed.add(e.eventId()));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeConfig(Path dir, KafkaFixture kafka, OutboxDatabase db, String topic, int httpPort)
            throws IOException {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka.bootstrapServers());
        p.setProperty("sources", "payment");
        db.sourceSettings("payment", UniqueNames.identifier("slot")).forEach(p::setProperty);
        p.setProperty("topic.mapping", "order.payment=" + topic);
        p.setProperty("offset.topic", topic + ".offsets");
        p.setProperty("http.port", Integer.toString(httpPort));
        Path file = dir.resolve("relay.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "relay crash test");
        }
        return file;
    }

    /** Starts the relay as its own process and waits until {@code /health} answers 200 (every source streaming). */
    static ChildProcess startRelay(Path config, Path logFile, int httpPort) {
        ChildProcess relay = ChildProcess.start("outbox relay", List.of(ChildProcess.currentJava(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), RelayMain.class.getName(), "--config",
                config.toString()), logFile, Duration.ofSeconds(20));
        HttpClient http = HttpClient.newHttpClient();
        relay.awaitReady(() -> healthy(http, httpPort), Duration.ofSeconds(60));
        return relay;
    }

    private static boolean healthy(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
