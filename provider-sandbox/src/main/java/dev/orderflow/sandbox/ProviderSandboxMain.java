package dev.orderflow.sandbox;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code provider-sandbox}: runs the stock, payment and fulfillment sandbox until Ctrl-C. */
@Command(name = "provider-sandbox", mixinStandardHelpOptions = true, version = "orderflow 0.1.0",
        sortOptions = false,
        description = {
            "Serves the stock API, the payment gateway and the fulfillment API over HTTP, with idempotency keys,",
            "status queries, asynchronous fulfillment progress, seeded fault injection and a ledger of every",
            "side effect (GET /ledger, GET /ledger/invariants). Faults can be changed while running:",
            "PUT /admin/faults. The wire API is described in provider-sandbox/README.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  java -jar provider-sandbox/target/provider-sandbox.jar",
            "  java -jar provider-sandbox/target/provider-sandbox.jar --port 18090 --profile realistic --seed 7",
            "  java -jar provider-sandbox/target/provider-sandbox.jar --stock SKU-1=10 --stock SKU-2=0",
            "",
            "Exit codes: 0 stopped normally, 1 could not listen (the message says why), 2 bad arguments."})
public final class ProviderSandboxMain implements Callable<Integer> {

    /** Stock of a standalone run started without --stock, so the API can be tried at once. */
    static final Map<String, Integer> DEMO_STOCK = Map.of("SKU-1", 1000, "SKU-2", 1000, "SKU-3", 1000,
            "SKU-4", 1000, "SKU-5", 1000);
    private static final String LOG_CONFIG = "provider-sandbox-log4j2.xml";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:ORDERFLOW_SANDBOX_PORT:-18090}",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:ORDERFLOW_SANDBOX_HOST:-127.0.0.1}",
            description = "Interface to bind to (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--profile", defaultValue = "${env:ORDERFLOW_SANDBOX_PROFILE:-none}",
            description = "Fault profile: none, realistic or harsh (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--seed", description = "Seed of the fault streams (default: the profile's own).")
    Long seed;

    @Option(names = "--stock", paramLabel = "SKU=UNITS",
            description = "Units available per SKU; repeat per SKU (default: SKU-1..SKU-5 with 1000 each).")
    Map<String, Integer> stock = new LinkedHashMap<>();

    @Option(names = "--payment-key-retention", paramLabel = "DURATION", defaultValue = "PT24H",
            description = "How long the gateway remembers an idempotency key (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration paymentKeyRetention;

    @Option(names = "--reservation-ttl", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "Life of an uncommitted reservation (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration reservationTtl;

    @Option(names = "--fulfillment-step", paramLabel = "DURATION", defaultValue = "PT5S",
            description = "Time between shipment progress steps (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration fulfillmentStep;

    @Option(names = "--countries", split = ",", paramLabel = "CC",
            description = "Destination countries served, ISO 3166-1 alpha-2 (default: a European set plus US).")
    Set<String> countries;

    @Option(names = "--worker-threads", defaultValue = "8",
            description = "Threads handling requests (default: ${DEFAULT-VALUE}).")
    int workerThreads;

    public static void main(String[] args) {
        // Before the first logger exists: the standalone run logs at INFO to stderr; an embedding app keeps its own.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        }
        System.exit(new CommandLine(new ProviderSandboxMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        SandboxConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        ProviderSandbox sandbox;
        try {
            sandbox = ProviderSandbox.start(config);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("Start failed: " + e.getMessage());
            return 1;
        }
        out.println("Provider sandbox listening on " + sandbox.baseUri() + " (fault profile "
                + config.faultProfile().name() + ", seed " + config.faultProfile().seed() + "). Ctrl-C stops it.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "provider-sandbox-stop"));
        stopped.await();
        return 0;
    }

    /** The validated config; an invalid value is reported as a bad argument (exit code 2). */
    SandboxConfig config() {
        try {
            SandboxConfig.Builder builder = SandboxConfig.builder()
                    .host(host)
                    .port(port)
                    .workerThreads(workerThreads)
                    .faultProfile(profile)
                    .paymentKeyRetention(paymentKeyRetention)
                    .reservationTtl(reservationTtl)
                    .fulfillmentStepInterval(fulfillmentStep)
                    .initialStock(stock.isEmpty() ? DEMO_STOCK : stock)
                    .supportedCountries(countries == null ? SandboxConfig.DEFAULT_COUNTRIES : countries);
            if (seed != null) {
                builder.seed(seed);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
