package dev.orderflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM or program started for a part of the local system, with its output in a log file, never in the
 * caller's terminal. A shutdown hook makes sure the child never outlives the process that started it, even when
 * that process is stopped with Ctrl-C before calling {@link #close()}.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 40;

    private final String part;
    private final Process process;
    private final Path logFile;
    private final Duration stopTimeout;
    private final Thread shutdownHook;
    private boolean closed;

    private ChildProcess(String part, Process process, Path logFile, Duration stopTimeout) {
        this.part = part;
        this.process = process;
        this.logFile = logFile;
        this.stopTimeout = stopTimeout;
        this.shutdownHook = new Thread(this::stop, "stop-" + part);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code logFile}.
     *
     * @param part        the name used in every message, e.g. "kafka broker"
     * @param stopTimeout how long a graceful stop (SIGTERM) may take before the child is killed
     */
    public static ChildProcess start(String part, List<String> command, Path logFile, Duration stopTimeout) {
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            log.debug("started {} (pid {}): {}", part, process.pid(), command);
            return new ChildProcess(part, process, logFile, stopTimeout);
        } catch (IOException e) {
            throw new InfrastructureStartException("cannot start " + part + ": " + e.getMessage(), e);
        }
    }

    /**
     * Blocks until {@code ready} answers true. Fails naming the part, with the tail of its log, when the child
     * exits first or the timeout passes; in both cases the child is stopped.
     */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (waitForExit(POLL_INTERVAL)) {
                throw startFailure("exited with code " + process.exitValue() + " before it was ready");
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                throw startFailure("was not ready within " + timeout.toSeconds() + " s");
            }
        }
    }

    /** Waits up to {@code wait} for the child to exit; doubles as the poll delay while waiting for readiness. */
    private boolean waitForExit(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new InfrastructureStartException("interrupted while waiting for " + part + " to start", e);
        }
    }

    private InfrastructureStartException startFailure(String why) {
        return new InfrastructureStartException(part + " " + why + " (log: " + logFile + ")\n" + logTail());
    }

    /** The last lines of the child's log, for error messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Kills the child at once (SIGKILL), as a crash would; for failure tests. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(stopTimeout);
    }

    /**
     * Gives up the JVM shutdown hook that stops the child: for an owner that stops everything itself, in order, from
     * its own hook (a broker stopped by its own hook while the services that use it are still closing makes their
     * shutdown wait for timeouts).
     */
    public void detachShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Too late to take it back: it runs, which is what would have happened anyway.
        }
    }

    /** Graceful stop: SIGTERM, then SIGKILL after the stop timeout. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run; nothing left to remove.
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} (pid {}) did not stop within {} s; killing it", part, process.pid(),
                        stopTimeout.toSeconds());
                process.destroyForcibly();
                process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The java executable of the running JVM, so children run on the same Java as their parent. */
    public static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Writes {@code content} to {@code file}, creating parent directories. */
    public static Path writeFile(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
