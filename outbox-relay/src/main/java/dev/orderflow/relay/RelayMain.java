package dev.orderflow.relay;

import dev.orderflow.relay.config.RelayConfig;
import dev.orderflow.relay.config.SourceConfig;
import dev.orderflow.relay.internals.EngineProperties;
import dev.orderflow.relay.internals.StoredPositions;
import dev.orderflow.runtime.config.SettingsOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outbox-relay}: publishes the outbox of each configured database to Kafka until stopped. */
@Command(name = "outbox-relay", mixinStandardHelpOptions = true, version = "orderflow 0.1.0", sortOptions = false,
        description = {
            "Publishes committed outbox rows of each source database to Kafka (Debezium, pgoutput),",
            "acknowledging a row to the database only after Kafka acknowledged it. Stops on SIGTERM/Ctrl-C,",
            "storing the position of everything published."},
        footerHeading = "%nConfiguration keys:%n",
        footer = {
            "  bootstrap.servers, sources, source.<name>.jdbc.url, source.<name>.user, source.<name>.password,",
            "  source.<name>.slot, source.<name>.publication, source.<name>.table, topic.pattern, topic.mapping,",
            "  offset.topic, offset.topic.replication.factor, offset.flush.interval.ms, poll.interval.ms,",
            "  max.batch.size, heartbeat.interval.ms, publish.retry.backoff.ms, slot.lag.interval.ms, http.port,",
            "  producer.* (passed to the Kafka producer). See docs/outbox-relay.md.",
            "",
            "Examples:",
            "  outbox-relay --config relay.properties",
            "  ORDERFLOW_RELAY_BOOTSTRAP_SERVERS=kafka:9092 ORDERFLOW_RELAY_SOURCES=payment \\",
            "    ORDERFLOW_RELAY_SOURCE_PAYMENT_JDBC_URL=jdbc:postgresql://db:5432/payment \\",
            "    ORDERFLOW_RELAY_SOURCE_PAYMENT_USER=relay outbox-relay",
            "  outbox-relay --config relay.properties --reset-source payment   (after a dropped or advanced slot)",
            "",
            "Exit codes: 0 stopped normally, 1 a source failed or could not start (the message says why),",
            "2 bad arguments or configuration (the message names the key)."})
public final class RelayMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--reset-source", paramLabel = "NAME",
            description = "Forget the stored position of a source (after its slot was dropped or advanced by "
                    + "someone else and the gap was reconciled), then exit. The next start publishes from the "
                    + "slot's position, or from a new slot.")
    String resetSource;

    private final Map<String, String> environment;

    public RelayMain() {
        this(System.getenv());
    }

    RelayMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RelayConfig config;
        try {
            config = new RelayConfig(RelaySettings.load(settings.configFile(), environment, settings.explicit()));
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("outbox-relay: " + e.getMessage());
            return 2;
        }
        if (resetSource != null) {
            return reset(config, out, err);
        }
        printEffectiveConfig(config, out);
        return run(config, out, err);
    }

    private int run(RelayConfig config, PrintWriter out, PrintWriter err) throws InterruptedException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OutboxRelay relay;
        try {
            relay = OutboxRelay.start(config, registry);
        } catch (RelayStartException | ConfigException e) {
            err.println("outbox-relay: " + e.getMessage());
            return e instanceof ConfigException ? 2 : 1;
        }
        RelayHttpEndpoint http = config.httpPort() < 0 ? null : RelayHttpEndpoint.start(config.httpPort(), relay, registry);
        Thread stopper = new Thread(() -> {
            relay.close();
            if (http != null) {
                http.close();
            }
        }, "outbox-relay-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println("outbox-relay running" + (http == null ? "" : "; health and metrics on port " + http.port()));
        out.flush();
        // Closed here, on the main thread: closing from the failing engine's own callback thread waited for that
        // thread to end, was interrupted, and never finished, so the process stayed up after its sources failed.
        var failed = relay.awaitFailureOrClosed();
        if (failed.isPresent()) {
            relay.close();
            err.println("outbox-relay: source " + failed.get().source().name() + " failed: " + failed.get().failure());
            return 1;
        }
        return 0;
    }

    private int reset(RelayConfig config, PrintWriter out, PrintWriter err) {
        SourceConfig source = config.sources().stream().filter(s -> s.name().equals(resetSource)).findFirst()
                .orElse(null);
        if (source == null) {
            err.println("outbox-relay: --reset-source " + resetSource + " is not one of sources="
                    + config.sources().stream().map(SourceConfig::name).toList());
            return 2;
        }
        int cleared = new StoredPositions(config.bootstrapServers(), config.offsetTopic())
                .clear(EngineProperties.engineName(source));
        out.println(cleared == 0 ? "no stored position for " + resetSource
                : "cleared the stored position of " + resetSource + "; the next start continues from slot "
                        + source.slot() + "'s position (creating the slot if it is gone) and publishes what is "
                        + "committed from then on");
        return 0;
    }

    private static void printEffectiveConfig(RelayConfig config, PrintWriter out) {
        out.println("outbox-relay configuration:");
        config.describe().forEach((k, v) -> out.printf("  %-40s %s%n", k, v));
        out.flush();
    }
}
