package dev.orderflow.bench.consumer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code benchmark consumer}: the consumer runtime's throughput with batched transactions. */
@Command(name = "consumer", mixinStandardHelpOptions = true,
        description = {"Drains a backlog of OrderPlaced events through the consumer runtime with a stage that calls",
            "the provider sandbox over HTTP, writes its state and one outbox event per order, for each combination",
            "of worker threads and records per poll (max.poll.records=1 is a commit per event)."},
        footer = {"", "Example:", "  bin/benchmark consumer --orders 20000 --worker-threads 16 --max-poll-records 1,100,500"})
public final class ConsumerBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", defaultValue = "20000", description = "Backlog per run (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--worker-threads", split = ",", defaultValue = "16",
            description = "Worker thread counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> workerThreads;

    @Option(names = "--max-poll-records", split = ",", defaultValue = "1,500",
            description = "Records per poll (= per transaction) to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> maxPollRecords;

    @Option(names = "--registry-jar", defaultValue = "schema-registry-server/target/quarkus-app/quarkus-run.jar",
            description = "The schema registry server (default: ${DEFAULT-VALUE}).")
    Path registryJar;

    @Option(names = "--report", defaultValue = "benchmark/target/consumer-benchmark.md",
            description = "Where the Markdown report goes (default: ${DEFAULT-VALUE}).")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (orders < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--orders must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<ConsumerBenchmark.Run> runs = new ConsumerBenchmark(new ConsumerBenchmark.Settings(orders, workerThreads,
                maxPollRecords, registryJar), out).run();
        StringBuilder md = new StringBuilder("# Consumer runtime benchmark\n\n")
                .append("`bin/benchmark consumer --orders ").append(orders).append("`, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, all parts co-located.\n\n")
                .append("| worker.threads | max.poll.records | orders | seconds | orders/s |\n|---|---|---|---|---|\n");
        for (ConsumerBenchmark.Run run : runs) {
            md.append(String.format("| %d | %d | %d | %.1f | %.0f |%n", run.workerThreads(), run.maxPollRecords(),
                    run.orders(), run.took().toMillis() / 1000.0, run.perSecond()));
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md);
        out.println();
        out.println(md);
        out.println("Report: " + report);
        return 0;
    }
}
