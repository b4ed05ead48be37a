package dev.orderflow.orderstream;

import dev.orderflow.orderstream.config.OrderStreamConfig;
import dev.orderflow.orderstream.config.OrderStreamSettings;
import dev.orderflow.orderstream.intake.IntakeService;
import dev.orderflow.runtime.config.SettingsOptions;
import dev.orderflow.runtime.serde.EventSerdes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code order-stream}: runs the order state tracker and its HTTP API until stopped. */
@Command(name = "order-stream", mixinStandardHelpOptions = true, version = "orderflow 0.1.0", sortOptions = false,
        description = {
            "Tracks every order's state and timeline from the order topics (Kafka Streams, exactly-once),",
            "publishes it to order.state, escalates stuck orders to order.exceptions, and serves",
            "GET /orders/{id}, GET /orders?state=..., /health, /ready and /metrics. Stops on SIGTERM/Ctrl-C."},
        footerHeading = "%nConfiguration keys:%n",
        footer = {
            "  bootstrap.servers, application.id, registry.url, registry.auto.register,",
            "  topic.orders, topic.inventory, topic.payment, topic.shipping, topic.commands, topic.state,",
            "  topic.exceptions, topic.dlq, http.port, application.server, state.dir, state.store.type,",
            "  punctuation.interval.ms, escalation.max.per.punctuation, timeline.max.entries,",
            "  dedupe.max.event.ids, anomalies.max, http.forward.timeout.ms,",
            "  escalation.deadline.<STATE> (ISO-8601 duration or off), streams.* (passed to Kafka Streams).",
            "  Environment: ORDERFLOW_STREAM_<KEY>, e.g. ORDERFLOW_STREAM_HTTP_PORT=8084. See order-stream/README.md.",
            "",
            "Examples:",
            "  order-stream --config order-stream.properties",
            "  order-stream --set bootstrap.servers=kafka:9092 \\",
            "    --set registry.url=http://registry:8080/apis/registry/v2 \\",
            "    --set escalation.deadline.PAYMENT_PENDING=PT10M",
            "",
            "Exit codes: 0 stopped normally (a JVM stopped by SIGTERM reports 143 after the graceful close),",
            "1 could not start or Kafka Streams failed, 2 bad arguments or configuration (the message names the key)."})
public final class OrderStreamMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;


    @Mixin
    SettingsOptions settings;

    private final Map<String, String> environment;

    public OrderStreamMain() {
        this(System.getenv());
    }

    OrderStreamMain(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new OrderStreamMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OrderStreamConfig config;
        try {
            config = new OrderStreamConfig(OrderStreamSettings.load(settings.configFile(), environment, settings.explicit()));
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("order-stream: " + e.getMessage());
            return 2;
        }
        out.println("order-stream configuration:");
        config.describe().forEach((k, v) -> out.printf("  %-40s %s%n", k, v));
        out.flush();
        return run(config, out, err);
    }

    private static int run(OrderStreamConfig config, PrintWriter out, PrintWriter err) throws InterruptedException {
        OrderStreamApp app;
        IntakeService intake = null;
        try {
            if (config.intakeDatabase().isPresent()) {
                intake = IntakeService.start(config.intakeDatabase().get(), config.registry());
            }
            app = OrderStreamApp.start(config, EventSerdes.valueSerde(config.registry()),
                    Optional.ofNullable(intake).map(IntakeService::handler),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        } catch (ConfigException e) {
            closeQuietly(intake);
            err.println("order-stream: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            closeQuietly(intake);
            err.println("order-stream: cannot start: " + e.getMessage());
            return 1;
        }
        IntakeService started = intake;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            closeQuietly(started);
        }, "order-stream-stop"));
        out.println("order-stream running; HTTP API on port " + app.httpPort() + ", advertised as "
                + app.advertisedServer() + (started == null ? " (POST /orders off: no intake.jdbc.url)" : ""));
        out.flush();
        app.awaitClosed();
        if (app.failed()) {
            err.println("order-stream: Kafka Streams stopped on an error (see the log)");
            return 1;
        }
        return 0;
    }

    private static void closeQuietly(IntakeService intake) {
        if (intake != null) {
            intake.close();
        }
    }
}
