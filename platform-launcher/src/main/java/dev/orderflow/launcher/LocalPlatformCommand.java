package dev.orderflow.launcher;

import dev.orderflow.infra.InfrastructureStartException;
import dev.orderflow.launcher.LocalPlatformSettings.ExternalPostgres;
import java.io.PrintWriter;
import java.nio.file.Path;
import dev.orderflow.launcher.demo.DemoRun;
import dev.orderflow.runtime.outbox.OutboxMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderflow-local}: runs the platform on the embedded default until Ctrl-C. */
@Command(name = "orderflow-local", mixinStandardHelpOptions = true, version = "orderflow 0.1.0",
        sortOptions = false,
        description = {
            "Runs the order platform on this machine with nothing installed but Java: a KRaft Kafka broker,",
            "PostgreSQL with logical decoding (embedded, or your server) and the schema registry.",
            "Prints where each part listens, then runs until Ctrl-C, which stops everything it started."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  bin/orderflow-local",
            "  bin/orderflow-local --kafka-port 9092 --registry-port 8081",
            "  bin/orderflow-local --postgres-url jdbc:postgresql://127.0.0.1:5432/postgres --postgres-user app",
            "",
            "Exit codes: 0 stopped normally, 1 a part failed to start (the message names it), 2 bad arguments,",
            "3 the run ended with an invariant violated or orders not settled."},
        exitCodeListHeading = "%nExit codes:%n")
public final class LocalPlatformCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "${env:ORDERFLOW_KAFKA_PORT:-19092}",
            description = "Kafka broker port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "${env:ORDERFLOW_REGISTRY_PORT:-18081}",
            description = "Schema registry port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--postgres-port", paramLabel = "PORT", defaultValue = "${env:ORDERFLOW_POSTGRES_PORT:-15432}",
            description = "Embedded PostgreSQL port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--postgres-url", paramLabel = "JDBC_URL", defaultValue = "${env:ORDERFLOW_POSTGRES_URL}",
            description = "Use this PostgreSQL server (wal_level=logical) instead of the embedded one.")
    String postgresUrl;

    @Option(names = "--postgres-user", defaultValue = "${env:ORDERFLOW_POSTGRES_USER:-postgres}",
            description = "User for --postgres-url (default: ${DEFAULT-VALUE}).")
    String postgresUser;

    @Option(names = "--postgres-password", defaultValue = "${env:ORDERFLOW_POSTGRES_PASSWORD:-}", arity = "0..1",
            interactive = true, description = "Password for --postgres-url (env ORDERFLOW_POSTGRES_PASSWORD).")
    String postgresPassword;

    @Option(names = "--registry-jar", paramLabel = "FILE",
            defaultValue = "${sys:orderflow.registry.jar:-schema-registry-server/target/quarkus-app/quarkus-run.jar}",
            description = "The schema registry server to run (default: ${DEFAULT-VALUE}).")
    Path registryJar;

    @Option(names = "--faults", paramLabel = "PROFILE", defaultValue = "none",
            description = "Fault profile of the provider sandbox: none, realistic or harsh (default: ${DEFAULT-VALUE}).")
    String faults;

    @Option(names = "--outbox-write", paramLabel = "table|message", defaultValue = "table",
            description = "How services write their outbox: rows of the outbox table, or transactional logical "
                    + "decoding messages (less database work; docs/outbox-relay.md) (default: ${DEFAULT-VALUE}).")
    String outboxWrite;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "500",
            description = "Orders the upstream load generator places (default: ${DEFAULT-VALUE}); 0 places none.")
    int orders;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "50",
            description = "Orders placed per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait after the last order for every order to settle (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(names = "--keep-running",
            description = "After the run's summary, keep everything running for exploration until Ctrl-C.")
    boolean keepRunning;

    @Option(names = "--exit-when-ready",
            description = "Start everything, print where it listens and how long it took, then stop (a smoke run).")
    boolean exitWhenReady;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalPlatformCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        validatePorts();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting the order platform on the embedded default ...");
        out.flush();
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(settings());
        } catch (InfrastructureStartException e) {
            spec.commandLine().getErr().println("Start failed: " + e.getMessage());
            return 1;
        }
        new StartupBanner(platform).print(out);
        if (exitWhenReady) {
            platform.close();
            out.println("Stopped.");
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(() -> {
            out.println("Stopping ...");
            out.flush();
            platform.close();
            stopped.countDown();
        }, "orderflow-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        boolean invariantsHold = true;
        if (orders > 0) {
            try {
                invariantsHold = new DemoRun(new DemoRun.Options(orders, rate, Duration.ofSeconds(drainSeconds)),
                        platform.demoEndpoints(), out).run();
            } catch (Exception e) {
                spec.commandLine().getErr().println("The run failed: " + e);
                invariantsHold = false;
            }
        }
        if (!keepRunning && orders > 0) {
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            platform.close();
            out.println("Stopped.");
            return invariantsHold ? 0 : 3;
        }
        out.println("Running. Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    private LocalPlatformSettings settings() {
        Optional<ExternalPostgres> external = Optional.ofNullable(postgresUrl).filter(u -> !u.isBlank())
                .map(url -> new ExternalPostgres(url, postgresUser, postgresPassword));
        return new LocalPlatformSettings(kafkaPort, registryPort, postgresPort, external, registryJar,
                LocalPlatformSettings.SERVICE_DATABASES, faults, OutboxMode.parse(outboxWrite));
    }

    private void validatePorts() {
        if (orders < 0 || rate < 1 || drainSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--orders must be 0 or more, --rate and --drain-timeout at least 1");
        }
        if (!List.of("none", "realistic", "harsh").contains(faults)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value '" + faults
                    + "' for option '--faults': use none, realistic or harsh");
        }
        if (!OutboxMode.names().contains(outboxWrite)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value '" + outboxWrite
                    + "' for option '--outbox-write': use " + String.join(" or ", OutboxMode.names()));
        }
        requirePort("--kafka-port", kafkaPort);
        requirePort("--registry-port", registryPort);
        requirePort("--postgres-port", postgresPort);
    }

    private void requirePort(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value " + port + " for option '" + option + "': must be 0..65535");
        }
        if (port != 0 && !dev.orderflow.infra.LoopbackPorts.isFree(port)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Port " + port + " for option '" + option
                    + "' is already in use on 127.0.0.1: stop what uses it or pass another port (0 = any free port)");
        }
    }
}
