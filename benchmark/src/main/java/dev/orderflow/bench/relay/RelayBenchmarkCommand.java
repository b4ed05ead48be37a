package dev.orderflow.bench.relay;

import dev.orderflow.runtime.outbox.OutboxMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code benchmark relay}: the outbox relay against Kafka's own producer on the same broker. */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = {"Measures on one broker process and one embedded PostgreSQL: (a) Kafka's ProducerPerformance,",
            "(b) the relay draining a backlog of outbox events, (c) the relay live at a fixed rate with one event",
            "per transaction (commit->consumer latency). Prints the figures and writes them as Markdown."},
        footer = {"", "Example:", "  bin/benchmark relay --events 50000 --payload 512 --live-rate 500"})
public final class RelayBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--events", defaultValue = "50000", description = "Backlog size and ProducerPerformance "
            + "record count (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--payload", defaultValue = "512", description = "Payload bytes per event (default: ${DEFAULT-VALUE}).")
    int payload;

    @Option(names = "--events-per-transaction", defaultValue = "100",
            description = "Backlog events committed per transaction (default: ${DEFAULT-VALUE}).")
    int eventsPerTransaction;

    @Option(names = "--live-rate", defaultValue = "500", description = "Live events per second (default: ${DEFAULT-VALUE}).")
    int liveRate;

    @Option(names = "--live-seconds", defaultValue = "30", description = "Live phase length (default: ${DEFAULT-VALUE}).")
    int liveSeconds;

    @Option(names = "--warm-up-events", defaultValue = "20000",
            description = "Events the relay publishes before the measured drain (default: ${DEFAULT-VALUE}).")
    int warmUpEvents;

    @Option(names = "--relay-set", paramLabel = "KEY=VALUE",
            description = "A relay setting for the run, e.g. max.batch.size=8192 or debezium.record.processing.threads=1.")
    java.util.Map<String, String> relaySettings = new java.util.LinkedHashMap<>();

    @Option(names = "--sources", defaultValue = "1",
            description = "Source databases the backlog is spread over, one engine each (default: ${DEFAULT-VALUE}).")
    int sources;

    @Option(names = "--outbox-write", defaultValue = "table", paramLabel = "table|message",
            description = "How events are written: outbox rows or transactional logical decoding messages, one per "
                    + "transaction (default: ${DEFAULT-VALUE}).")
    String outboxWrite;

    @Option(names = "--report", defaultValue = "benchmark/target/relay-benchmark.md",
            description = "Where the Markdown report goes (default: ${DEFAULT-VALUE}).")
    Path report;

    @Override
    public Integer call() throws Exception {
        requirePositive(events, "--events");
        requirePositive(payload, "--payload");
        requirePositive(eventsPerTransaction, "--events-per-transaction");
        requirePositive(liveRate, "--live-rate");
        requirePositive(sources, "--sources");
        requirePositive(liveSeconds, "--live-seconds");
        if (warmUpEvents < 0) {
            throw new ParameterException(spec.commandLine(), "--warm-up-events must not be negative");
        }
        if (liveRate > 100_000) {
            throw new ParameterException(spec.commandLine(), "--live-rate " + liveRate + " is above 100000/s");
        }
        if (!OutboxMode.names().contains(outboxWrite)) {
            throw new ParameterException(spec.commandLine(), "--outbox-write must be one of "
                    + OutboxMode.names() + ", was '" + outboxWrite + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        RelayBenchmarkResult result = new RelayBenchmark(new RelayBenchmark.Settings(events, payload,
                eventsPerTransaction, liveRate, Duration.ofSeconds(liveSeconds), warmUpEvents, relaySettings, sources,
                OutboxMode.parse(outboxWrite)), out).run();
        String command = "bin/benchmark relay --events " + events + " --payload " + payload
                + " --events-per-transaction " + eventsPerTransaction + " --live-rate " + liveRate
                + " --live-seconds " + liveSeconds + " --warm-up-events " + warmUpEvents + " --sources " + sources
                + " --outbox-write " + outboxWrite
                + relaySettings.entrySet().stream().map(e -> " --relay-set " + e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining());
        String markdown = result.markdown(command, machine());
        out.println();
        out.println(markdown);
        write(report, markdown);
        out.println("report written to " + report);
        return 0;
    }

    private void requirePositive(int value, String option) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), option + " must be positive, was " + value);
        }
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + "; broker, PostgreSQL, relay and load on the same machine";
    }

    private static void write(Path file, String content) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, content);
    }
}
