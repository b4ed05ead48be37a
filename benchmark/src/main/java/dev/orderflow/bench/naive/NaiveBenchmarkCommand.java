package dev.orderflow.bench.naive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orderflow.infra.kafka.KafkaBrokerProcess;
import dev.orderflow.infra.kafka.KafkaBrokerSettings;
import dev.orderflow.infra.postgres.EmbeddedPostgresServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchmark naive}: the shortcut pipeline under a fault profile, with the providers' books audited. */
@Command(name = "naive", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = LedgerFiguresCommand.class,
        description = {"Runs the naive baseline and prints its figures. The baseline is the",
            "shortcut: a dual write instead of an outbox, blind fixed-count retries with",
            "a new idempotency key per attempt, immediate rollback on any failure, no",
            "status queries, auto-commit. It runs on an embedded broker and PostgreSQL",
            "with its own provider sandbox. Figures: counts, the ledger audit (duplicate",
            "charges, oversells, lost orders, orders needing an operator), retry",
            "amplification, latency placed -> shipment accepted, throughput."},
        footer = {"", "Examples:", "  bin/benchmark naive --orders 500 --rate 50 --faults realistic",
            "  bin/benchmark naive --orders 3000 --rate 400 --faults none --ours 46.7",
            "  bin/benchmark naive --orders 500 --rate 50 --fault-override payment.authorize.overloadRate=0.3",
            "", "Exit codes: 0 measured, 1 a part failed, 2 bad arguments."})
public final class NaiveBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "500",
            description = "Orders placed (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "50",
            description = "Orders placed per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--faults", paramLabel = "PROFILE", defaultValue = "none",
            description = "Fault profile of the baseline's provider sandbox: none, realistic or harsh"
                    + " (default: ${DEFAULT-VALUE}).")
    String faults;

    @Option(names = "--fault-override", paramLabel = "OPERATION.SETTING=VALUE",
            description = "A fault setting on top of the profile, as PUT /admin/faults takes it; repeatable,"
                    + " e.g. payment.authorize.overloadRate=0.3 (see provider-sandbox/README.md).")
    List<String> faultOverrides = new ArrayList<>();

    @Option(names = "--attempts", defaultValue = "3",
            description = "Attempts per provider call (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--attempt-timeout-ms", defaultValue = "2000",
            description = "HTTP timeout of one attempt in ms (default: ${DEFAULT-VALUE}, as the stage-aware policy).")
    long attemptTimeoutMs;

    @Option(names = "--retry-keys", defaultValue = "per-attempt",
            description = "Idempotency key of a retry: per-attempt (a new one, the shortcut) or per-operation"
                    + " (default: ${DEFAULT-VALUE}).")
    String retryKeys;

    @Option(names = "--consumers", defaultValue = "6",
            description = "Consumer threads per stage, one per partition (default: ${DEFAULT-VALUE}).")
    int consumers;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait after the last order for every order to settle (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--ours", paramLabel = "PER_SECOND",
            description = "The stage-aware system's throughput (orders/s to shipment accepted) in the same setting,"
                    + " to print the ratio; bin/benchmark system runs both and gives it itself.")
    Double ours;

    @Option(names = "--report", defaultValue = "benchmark/target/naive-benchmark.md",
            description = "Where the Markdown report goes (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--json", defaultValue = "benchmark/target/naive-benchmark.json",
            description = "Where the JSON figures go (default: ${DEFAULT-VALUE}).")
    Path jsonReport;

    @Override
    public Integer call() throws Exception {
        NaiveSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        out.println("starting a broker process and PostgreSQL ...");
        out.flush();
        NaiveResult result;
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(KafkaBrokerSettings.builder()
                .partitions(settings.partitions()).maxHeap("512m").build());
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0)) {
            result = NaiveBaseline.run(settings, broker.bootstrapServers(), postgres, out);
        }
        String command = commandLine();
        OptionalDouble oursPerSecond = ours == null ? OptionalDouble.empty() : OptionalDouble.of(ours);
        String markdown = NaiveReport.markdown(result, command, oursPerSecond);
        Map<String, Object> json = NaiveReport.json(result, command, oursPerSecond);
        write(report, markdown);
        write(jsonReport, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        out.println();
        out.println(markdown);
        out.println("Report: " + report + ", figures: " + jsonReport);
        return 0;
    }

    private NaiveSettings settings() {
        RetryKeys keys;
        try {
            keys = RetryKeys.valueOf(retryKeys.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value '" + retryKeys
                    + "' for option '--retry-keys': use per-attempt or per-operation");
        }
        try {
            return new NaiveSettings(orders, rate, faults, FaultOverrides.parse(faultOverrides), attempts, Duration.ofMillis(attemptTimeoutMs),
                    keys, consumers, NaiveSettings.DEFAULT_PARTITIONS, Duration.ofSeconds(drainSeconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private String commandLine() {
        return "bin/benchmark " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private static void write(Path file, String text) throws java.io.IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, text);
    }
}
