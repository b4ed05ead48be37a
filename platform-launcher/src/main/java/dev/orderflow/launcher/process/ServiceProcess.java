package dev.orderflow.launcher.process;

import dev.orderflow.infra.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One part of the platform (a stage service, the outbox relay, order-stream) as a child JVM on this JVM's class
 * path, started as {@code java -cp ... <main> --config <file>}, that can be stopped gracefully (SIGTERM), killed
 * (SIGKILL) and started again any number of times with the same settings, HTTP port and log file. Ready when its
 * HTTP endpoint answers 200 on the readiness path.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /**
     * What to run.
     *
     * @param name      the part's name in messages and file names, e.g. {@code payment-consumer-1}
     * @param mainClass the class whose {@code main} runs the part (it reads {@code --config FILE})
     * @param settings  the part's settings, written to a properties file (not the command line: passwords)
     * @param httpPort  where the part serves its health endpoint
     * @param readyPath the path that answers 200 once the part works, e.g. {@code /health}
     * @param maxHeap   the child's {@code -Xmx}
     */
    public record Spec(String name, String mainClass, Map<String, String> settings, int httpPort, String readyPath,
            String maxHeap) {

        public Spec {
            settings = Map.copyOf(settings);
        }
    }

    private final Spec spec;
    private final Path configFile;
    private final Path logFile;
    private final Duration readyTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private ChildProcess current;
    private int starts;

    private ServiceProcess(Spec spec, Path workDir, Duration readyTimeout) {
        this.spec = spec;
        this.configFile = workDir.resolve(spec.name() + ".properties");
        this.logFile = workDir.resolve(spec.name() + ".log");
        this.readyTimeout = readyTimeout;
    }

    /** A part that is not running yet; {@link #start()} runs it. */
    public static ServiceProcess of(Spec spec, Path workDir, Duration readyTimeout) {
        ServiceProcess process = new ServiceProcess(spec, workDir, readyTimeout);
        process.writeConfig();
        return process;
    }

    public String name() {
        return spec.name();
    }

    public int httpPort() {
        return spec.httpPort();
    }

    public Path logFile() {
        return logFile;
    }

    /** How often the part was started, the first start included. */
    public synchronized int starts() {
        return starts;
    }

    /** Starts the child JVM and blocks until it is ready; fails with the tail of its log when it is not. */
    public synchronized void start() {
        if (current != null && current.isAlive()) {
            throw new IllegalStateException(spec.name() + " is already running (pid " + current.pid() + ")");
        }
        long began = System.nanoTime();
        current = ChildProcess.start(spec.name(), command(), logFile, STOP_TIMEOUT);
        starts++;
        current.awaitReady(this::ready, readyTimeout);
        log.info("{} (pid {}) ready in {} ms, start #{}", spec.name(), current.pid(),
                Duration.ofNanos(System.nanoTime() - began).toMillis(), starts);
    }

    /** Graceful stop: SIGTERM, the part finishes what it holds and exits (SIGKILL only after a minute). */
    public synchronized void stop() {
        if (current != null) {
            log.info("stopping {} (pid {}) with SIGTERM", spec.name(), current.pid());
            current.close();
            current = null;
        }
    }

    /** A crash: SIGKILL, nothing is finished, nothing is committed that was not already. */
    public synchronized void kill() {
        if (current != null) {
            log.info("killing {} (pid {}) with SIGKILL", spec.name(), current.pid());
            current.kill();
            current.close();
            current = null;
        }
    }

    public synchronized boolean isRunning() {
        return current != null && current.isAlive();
    }

    /** The running child's process id. */
    public synchronized long pid() {
        if (current == null) {
            throw new IllegalStateException(spec.name() + " is not running");
        }
        return current.pid();
    }

    /** Whether the readiness endpoint answers 200 now. */
    public boolean ready() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + spec.httpPort() + spec.readyPath())).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> command() {
        return List.of(ChildProcess.currentJava(), "-Xms64m", "-Xmx" + spec.maxHeap(), "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), spec.mainClass(), "--config", configFile.toString());
    }

    private void writeConfig() {
        Properties properties = new Properties();
        properties.putAll(new TreeMap<>(spec.settings()));
        try {
            Files.createDirectories(configFile.getParent());
            try (Writer writer = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
                properties.store(writer, spec.name() + " (written by ServiceProcess)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile, e);
        }
    }

    /** Stops the part gracefully if it runs. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
