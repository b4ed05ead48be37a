package dev.orderflow.launcher.process;

import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.runtime.outbox.OutboxMode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderflow-chaos}: issue 9's chaos run on the process platform; prints every pass figure. */
@Command(name = "orderflow-chaos", mixinStandardHelpOptions = true, version = "orderflow 0.1.0", sortOptions = false,
        description = {
            "Starts the platform with every part in its own JVM (two instances of each stage service and of",
            "order-stream), places orders through POST /orders with provider faults and upstream poison records,",
            "kills the relay, one instance of each service and of order-stream (SIGKILL, then starts it again)",
            "and restarts the broker at random moments, drains, then prints each pass figure."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/orderflow-chaos",
            "  bin/orderflow-chaos --orders 2000 --rate 30 --seed 7",
            "",
            "Exit codes: 0 every figure passed, 1 the platform did not start, 2 bad arguments, 3 a figure failed."})
public final class ChaosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "10000",
            description = "Orders to place (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "25",
            description = "Orders placed per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "2",
            description = "Instances of each stage service and of order-stream (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--transient", paramLabel = "SHARE", defaultValue = "0.05",
            description = "Share of provider calls failing with a 5xx, not done (default: ${DEFAULT-VALUE}).")
    double transientRate;

    @Option(names = "--ambiguous", paramLabel = "SHARE", defaultValue = "0.02",
            description = "Share of provider calls done whose reply is lost (default: ${DEFAULT-VALUE}).")
    double ambiguousRate;

    @Option(names = "--rejections", paramLabel = "SHARE", defaultValue = "0.01",
            description = "Share of reserve/authorize/accept calls refused for a business reason "
                    + "(default: ${DEFAULT-VALUE}).")
    double rejectionRate;

    @Option(names = "--poison", paramLabel = "SHARE", defaultValue = "0.005",
            description = "Poison records per order, from an upstream producer (default: ${DEFAULT-VALUE}).")
    double poisonShare;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "How long every order may take to settle after the load (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--brokers", paramLabel = "N", defaultValue = "1",
            description = "Kafka brokers: 1 (restarted during the run), or a KRaft cluster of 3 or more with"
                    + " replication factor N and min ISR N-1, one of whose nodes is killed (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--outbox-write", paramLabel = "table|message", defaultValue = "table",
            description = "How the services and the order intake write their outbox: rows of the outbox table or"
                    + " transactional logical decoding messages (default: ${DEFAULT-VALUE}).")
    String outboxWrite;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the orders, the faults and the crash moments (default: ${DEFAULT-VALUE}).")
    long seed;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        FaultMix faults = validated();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting the platform, one JVM per part ...");
        out.flush();
        ProcessPlatform platform;
        try {
            platform = ProcessPlatform.start(new ProcessPlatform.Options("none", instances, instances, Map.of(),
                    brokers, OutboxMode.parse(outboxWrite)));
        } catch (InfrastructureStartException e) {
            spec.commandLine().getErr().println("Start failed: " + e.getMessage());
            return 1;
        }
        Thread stopOnSignal = new Thread(platform::close, "orderflow-chaos-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            boolean pass;
            try {
                pass = new ChaosRun(new ChaosRun.Options(orders, rate, poisonShare, faults,
                        Duration.ofSeconds(drainSeconds), seed), out).run(platform);
            } catch (Exception e) {
                spec.commandLine().getErr().println("The run failed: " + e);
                pass = false;
            }
            if (!pass) {
                platform.keepLogs();
                out.printf("Logs of every part kept in %s%n", platform.workDir());
            }
            return pass ? 0 : 3;
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            platform.close();
            out.println("Stopped.");
            out.flush();
        }
    }

    private FaultMix validated() {
        if (orders < 1 || rate < 1 || instances < 1 || drainSeconds < 1 || poisonShare < 0 || poisonShare > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--orders, --rate, --instances and "
                    + "--drain-timeout must be at least 1, --poison within 0..1");
        }
        if (!OutboxMode.names().contains(outboxWrite)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value '" + outboxWrite
                    + "' for --outbox-write: use " + String.join(" or ", OutboxMode.names()));
        }
        if (brokers != 1 && brokers < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value " + brokers + " for --brokers:"
                    + " 1, or a cluster of at least 3 (two nodes cannot keep a quorum when one dies)");
        }
        try {
            return new FaultMix(transientRate, ambiguousRate, rejectionRate, 1500, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
