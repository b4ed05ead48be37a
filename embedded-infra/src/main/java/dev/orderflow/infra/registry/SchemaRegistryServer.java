package dev.orderflow.infra.registry;

import dev.orderflow.infra.ChildProcess;
import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.infra.LoopbackPorts;
import dev.orderflow.infra.WorkDirectories;
import java.io.IOException;
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
 * in-memory storage: a Confluent-compatible registry for tests and the local run. Closing it stops the process.
 */
public final class SchemaRegistryServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

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

    /** Starts the server and blocks until its Confluent API answers. */
    public static SchemaRegistryServer start(SchemaRegistrySettings settings) {
        Path jar = settings.jar().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new InfrastructureStartException("schema registry: server jar " + jar + " does not exist; build it"
                    + " with ./mvnw -pl schema-registry-server package (or set -D" + SchemaRegistrySettings.JAR_PROPERTY
                    + "=<path to quarkus-run.jar>)");
        }
        long started = System.nanoTime();
        boolean ownsWorkDir = settings.workDir() == null;
        Path workDir = ownsWorkDir ? WorkDirectories.createTemp("registry-") : settings.workDir();
        int port = LoopbackPorts.orPick(settings.port());
        ChildProcess child = ChildProcess.start("schema registry", command(settings, jar, port),
                workDir.resolve("registry.log"), Duration.ofSeconds(20));
        URI probe = confluentApi(port).resolve("ccompat/v7/subjects");
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        child.awaitReady(() -> LoopbackPorts.acceptsConnections(port) && answers(http, probe),
                settings.startupTimeout());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("schema registry (pid {}) ready on port {} in {} ms", child.pid(), port, took.toMillis());
        return new SchemaRegistryServer(child, port, workDir, ownsWorkDir, took);
    }

    private static List<String> command(SchemaRegistrySettings settings, Path jar, int port) {
        return List.of(ChildProcess.currentJava(),
                "-Xms64m", "-Xmx" + settings.maxHeap(), "-XX:+UseSerialGC",
                // A short-lived local server: quick start matters more than peak JIT performance.
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN",
                "-jar", jar.toString());
    }

    private static URI confluentApi(int port) {
        return URI.create("http://127.0.0.1:" + port + "/apis/");
    }

    private static boolean answers(HttpClient http, URI probe) {
        try {
            HttpRequest request = HttpRequest.newBuilder(probe).timeout(PROBE_TIMEOUT).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:8081/apis/ccompat/v7}. */
    public URI confluentApiUrl() {
        return URI.create("http://127.0.0.1:" + port + "/apis/ccompat/v7");
    }

    /** Base URL of Apicurio's own API, which Apicurio's serdes use, e.g. {@code http://127.0.0.1:8081/apis/registry/v2}. */
    public URI registryApiUrl() {
        return URI.create("http://127.0.0.1:" + port + "/apis/registry/v2");
    }

    public int port() {
        return port;
    }

    public Duration startupTime() {
        return startupTime;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server (SIGTERM, then SIGKILL after 20 s) and removes its work directory if it made it. */
    @Override
    public void close() {
        process.close();
        if (ownsWorkDir) {
            WorkDirectories.deleteRecursively(workDir);
        }
    }
}
