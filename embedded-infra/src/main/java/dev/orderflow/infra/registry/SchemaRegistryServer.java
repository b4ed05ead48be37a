package dev.orderflow.infra.registry;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.WorkDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apicurio Registry server (built by {@code schema-registry-server}) as a child process on 127.0.0.1, with its
 * default in-memory H2 storage: a Confluent-compatible registry for tests and the local run. Closing it stops the
 * process; a JVM shutdown hook stops it too if the caller exits without closing.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);

    private static final String PART = "schema registry";
    /** Quarkus listens on 0.0.0.0 by default; a test or laptop registry has no business on other interfaces. */
    private static final String HOST = "127.0.0.1";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** Quarkus stops in well under a second; the margin is for a loaded CI machine before SIGKILL. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final ChildProcess process;
    private final int port;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Duration startupTime;

    private SchemaRegistryServer(ChildProcess process, int port, Path workDir, boolean ownsWorkDir,
                                 Duration startupTime) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.ownsWorkDir = ownsWorkDir;
        this.startupTime = startupTime;
    }

    /**
     * Starts the server and blocks until its Confluent API answers.
     *
     * @throws InfrastructureStartException naming the part and the reason (missing jar, port in use, early exit or
     *                                      timeout, the last two with the tail of the server's log). After a failed
     *                                      start the work directory is kept, so the log it names can be read.
     */
    public static SchemaRegistryServer start(SchemaRegistrySettings settings) {
        Path jar = requireBuiltJar(settings.jar());
        int port = choosePort(settings.port());
        long started = System.nanoTime();
        boolean ownsWorkDir = settings.workDir() == null;
        Path workDir = ownsWorkDir ? WorkDirectories.createTemp("registry-") : settings.workDir();
        Path logFile = workDir.resolve("registry.log");
        log.info("starting {}: jar {}, port {}, heap {}, java {}, log {}", PART, jar, port, settings.maxHeap(),
                settings.javaExecutable(), logFile);
        ChildProcess child = ChildProcess.start(PART, command(settings, jar, port, tempDir(workDir)), logFile,
                STOP_TIMEOUT);
        awaitConfluentApi(child, port, settings.startupTimeout());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("{} (pid {}) ready at {} in {} ms", PART, child.pid(), confluentApiUrl(port), took.toMillis());
        return new SchemaRegistryServer(child, port, workDir, ownsWorkDir, took);
    }

    private static Path requireBuiltJar(Path jar) {
        Path absolute = jar.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new InfrastructureStartException(PART + ": server jar " + absolute + " does not exist; build it with"
                    + " ./mvnw -pl schema-registry-server package (or set -D" + SchemaRegistrySettings.JAR_PROPERTY
                    + "=<path to quarkus-run.jar>)");
        }
        return absolute;
    }

    /**
     * A fixed port must be free now: otherwise whatever holds it (say, a registry left running) would answer the
     * readiness probe while our server fails to bind, and the caller would talk to the wrong registry.
     */
    private static int choosePort(int requested) {
        if (requested == 0) {
            return LoopbackPorts.pick();
        }
        if (!LoopbackPorts.isFree(requested)) {
            throw new InfrastructureStartException(PART + ": port " + requested + " on " + HOST
                    + " is already in use; stop what holds it or use port 0 to pick a free one");
        }
        return requested;
    }

    /** The child's temp files (Vert.x's file cache) go into the work directory instead of the shared /tmp. */
    private static Path tempDir(Path workDir) {
        Path dir = workDir.resolve("tmp");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static List<String> command(SchemaRegistrySettings settings, Path jar, int port, Path tempDir) {
        return List.of(settings.javaExecutable().toString(),
                // Measured on Java 17: a small initial heap, Serial GC and C1 only take the RSS from ~210 MiB to
                // ~140 MiB and start it faster; a short-lived local server does not need C2's peak performance.
                "-Xms" + SchemaRegistrySettings.MIN_HEAP, "-Xmx" + settings.maxHeap(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tempDir,
                "-Dquarkus.http.host=" + HOST,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.banner.enabled=false",
                // One audit line per registration would bury the lines worth reading in the log's tail.
                "-Dquarkus.log.category.\"io.apicurio.common.apps.logging.audit\".level=WARN",
                "-jar", jar.toString());
    }

    /** Polls {@code GET <confluent API>/subjects}; the child is stopped and unregistered if it never answers. */
    private static void awaitConfluentApi(ChildProcess child, int port, Duration timeout) {
        URI probe = URI.create(confluentApiUrl(port) + "/subjects");
        // HTTP/1.1: the default HTTP/2 client would ask the server for an h2c upgrade on every probe.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(PROBE_TIMEOUT)
                .build();
        try {
            child.awaitReady(() -> LoopbackPorts.acceptsConnections(port) && answers(http, probe), timeout);
        } catch (RuntimeException e) {
            // awaitReady stopped the child (or saw it exit); closing also removes its shutdown hook.
            child.close();
            throw e;
        }
    }

    private static boolean answers(HttpClient http, URI probe) {
        try {
            HttpRequest request = HttpRequest.newBuilder(probe).timeout(PROBE_TIMEOUT).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            // Keep the interrupt: awaitReady's next wait sees it, stops the child and fails the start.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static URI confluentApiUrl(int port) {
        return URI.create("http://" + HOST + ":" + port + "/apis/ccompat/v7");
    }

    /** Base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public URI confluentApiUrl() {
        return confluentApiUrl(port);
    }

    /** Base URL of Apicurio's own API, which Apicurio's serdes use, e.g. {@code http://127.0.0.1:8081/apis/registry/v2}. */
    public URI registryApiUrl() {
        return URI.create("http://" + HOST + ":" + port + "/apis/registry/v2");
    }

    public int port() {
        return port;
    }

    /** From the call to {@link #start} until the Confluent API answered. */
    public Duration startupTime() {
        return startupTime;
    }

    public long pid() {
        return process.pid();
    }

    /** The server's stdout and stderr; gone after {@link #close()} when the work directory was a temp one. */
    public Path logFile() {
        return process.logFile();
    }

    /**
     * Stops the server (SIGTERM, then SIGKILL after 20 s), removes its shutdown hook and deletes its work directory
     * if it created it. Idempotent.
     */
    /** See {@link ChildProcess#detachShutdownHook()}. */
    public void detachShutdownHook() {
        process.detachShutdownHook();
    }

    @Override
    public synchronized void close() {
        process.close();
        if (ownsWorkDir) {
            WorkDirectories.deleteRecursively(workDir);
        }
    }
}
