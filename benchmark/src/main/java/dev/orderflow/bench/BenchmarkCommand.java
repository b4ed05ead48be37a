package dev.orderflow.bench;

import dev.orderflow.bench.consumer.ConsumerBenchmarkCommand;
import dev.orderflow.bench.naive.NaiveBenchmarkCommand;
import dev.orderflow.bench.relay.RelayBenchmarkCommand;
import dev.orderflow.bench.system.SystemBenchmarkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code benchmark}: measurements that print their figures; never part of the test suite. */
@Command(name = "benchmark", mixinStandardHelpOptions = true, version = "orderflow 0.1.0",
        description = "Runs a benchmark on the embedded default and prints (and writes) its figures.",
        subcommands = {RelayBenchmarkCommand.class, ConsumerBenchmarkCommand.class, SystemBenchmarkCommand.class,
            NaiveBenchmarkCommand.class},
        footer = {"", "Exit codes: 0 measured, 1 a part failed, 2 bad arguments."})
public final class BenchmarkCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name a benchmark, e.g. `relay`");
    }
}
