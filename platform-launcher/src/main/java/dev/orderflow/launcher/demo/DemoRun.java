package dev.orderflow.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.runtime.kafka.OrderTopics;
import dev.orderflow.runtime.serde.EventSerdes;
import dev.orderflow.runtime.serde.RegistrySettings;
import dev.orderflow.sandbox.client.CallCounts;
import dev.orderflow.sandbox.client.SandboxAdminClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The local platform's main job: an upstream system places orders at a rate, the platform works them, the terminal
 * shows the flow live, and the run ends with a summary and the providers' invariant audit.
 */
public final class DemoRun {

    /** How the run is driven. */
    public record Options(int orders, int perSecond, Duration drainTimeout) {
    }

    /** Where the parts are. */
    public record Endpoints(String bootstrapServers, String registryApiUrl, URI sandbox, URI orderApi,
            List<String> consumers) {
    }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final Options options;
    private final Endpoints endpoints;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public DemoRun(Options options, Endpoints endpoints, PrintWriter out) {
        this.options = options;
        this.endpoints = endpoints;
        this.out = out;
    }

    /** Runs the load, shows progress, prints the summary; true when every order settled and every invariant held. */
    public boolean run() throws Exception {
        RegistrySettings registry = RegistrySettings.of(endpoints.registryApiUrl());
        ProgressMonitor monitor = new ProgressMonitor(endpoints.orderApi());
        SandboxAdminClient sandbox = new SandboxAdminClient(endpoints.sandbox());
        long retries = 0;
        long started = System.nanoTime();
        try (LoadGenerator load = new LoadGenerator(endpoints.bootstrapServers(), EventSerdes.valueSerializer(registry),
                     Clock.systemUTC(), endpoints.orderApi());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     endpoints.bootstrapServers()))) {
            out.printf("%nPlacing %d orders at %d/s (an upstream producer on '%s', one in ten through POST /orders)"
                    + " ...%nProgress from the order API: %s%n", options.orders(), options.perSecond(),
                    OrderTopics.ORDERS, endpoints.orderApi().resolve("/stats"));
            out.flush();
            CompletableFuture<Void> placing = CompletableFuture.runAsync(() -> {
                try {
                    load.run(options.orders(), options.perSecond());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(options.orders() / Math.max(1, options.perSecond()))
                    .plus(options.drainTimeout()).toNanos();
            OrderProgress progress = OrderProgress.NONE;
            while (true) {
                TimeUnit.MILLISECONDS.sleep(PROGRESS_EVERY.toMillis());    // a display refresh, not coordination
                long before = progress.orders();
                progress = monitor.read();
                retries = retries(sandbox, retries);
                out.println(line(progress, (progress.orders() - before) / (double) PROGRESS_EVERY.toSeconds(),
                        (System.nanoTime() - started) / 1_000_000_000L, retries, deadLetters(admin)));
                out.flush();
                boolean drained = placing.isDone() && progress.orders() >= options.orders()
                        && progress.settled() >= options.orders();
                if (drained || System.nanoTime() > deadline) {
                    break;
                }
            }
            placing.cancel(true);
            out.printf("%n%d orders were placed through POST /orders%n", load.viaApi());
            return summary(progress, started, admin, monitor.misses());
        }
    }

    /**
     * The providers' own count of retries ({@link CallCounts#retries()}): every repeated call with an effect the
     * services made, quick or deferred, which no single service sees. A display figure: the last one stands while
     * the sandbox does not answer.
     */
    private static long retries(SandboxAdminClient sandbox, long lastKnown) throws InterruptedException {
        try {
            return sandbox.calls().retries();
        } catch (IOException e) {
            return lastKnown;
        }
    }

    /**
     * One progress line: orders in the read model and how many arrived per second, orders per state (states with
     * orders only; escalated ones among them), provider calls with an effect that were retries, deferred actions
     * waiting, dead letters.
     */
    static String line(OrderProgress progress, double placedPerSecond, long elapsedSeconds, long retries,
            long deadLetters) {
        String states = progress.states().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name().toLowerCase() + " " + e.getValue())
                .collect(Collectors.joining(" | "));
        return String.format("%4ds  placed %d (%.0f/s) | %s | retries %d | deferred %d | DLQ %d", elapsedSeconds,
                progress.orders(), placedPerSecond, states.isEmpty() ? "no order in the read model yet" : states,
                retries, progress.pendingActions(), deadLetters);
    }

    private boolean summary(OrderProgress progress, long started, Admin admin, String misses) throws Exception {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        out.printf("%nSummary after %d s (counts from the order API)%n", took.toSeconds());
        out.printf("  orders placed      %d%n", progress.orders());
        for (OrderState state : OrderState.values()) {
            if (progress.count(state) > 0 || OrderProgress.SETTLED.contains(state)) {
                out.printf("  %-18s %d%n", state.name().toLowerCase().replace('_', ' '), progress.count(state));
            }
        }
        out.printf("  deferred actions   %d%n", progress.pendingActions());
        out.printf("  dead letters       %d%n", deadLetters(admin));
        long unsettled = options.orders() - progress.settled();
        if (unsettled > 0) {
            out.printf("  NOT SETTLED        %d (still in flight when the drain timeout ended)%n", unsettled);
        }
        if (!misses.isEmpty()) {
            out.printf("  order API reads without counts: %s%n", misses);
        }
        JsonNode invariants = json.readTree(http.send(HttpRequest.newBuilder(endpoints.sandbox()
                .resolve("/ledger/invariants")).build(), HttpResponse.BodyHandlers.ofString()).body());
        out.printf("%nInvariant audit against the provider ledger (%d side effects, %d orders)%n",
                invariants.path("ledgerEntries").asLong(), invariants.path("orders").asLong());
        boolean holds = true;
        for (Map.Entry<String, JsonNode> field : invariants.properties()) {
            if (field.getValue().isArray()) {
                boolean ok = field.getValue().isEmpty();
                holds &= ok;
                out.printf("  %-28s %s%n", field.getKey(), ok ? "PASS" : "FAIL " + field.getValue());
            }
        }
        out.printf("%nWhere to look next:%n  order API         %s  (GET /orders/{id}, GET /orders?state=ESCALATED,"
                + " GET /stats)%n  provider ledger   %s%n  dead letters      topics %s  (bin/orderflow-ops dlq list)%n",
                endpoints.orderApi().resolve("/orders"), endpoints.sandbox().resolve("/ledger"), endpoints.consumers().stream().map(OrderTopics::deadLetter)
                        .collect(Collectors.joining(", ")));
        // The operators' CLI defaults to a production-like localhost:9092; these point it at this run instead.
        out.printf("  operators' CLI    export ORDERFLOW_OPS_BOOTSTRAP_SERVERS=%s ORDERFLOW_OPS_REGISTRY_URL=%s"
                + " ORDERFLOW_OPS_ORDER_API_URL=%s%n                    then bin/orderflow-ops dlq list, orders show ID,"
                + " audit%n", endpoints.bootstrapServers(), endpoints.registryApiUrl(),
                endpoints.orderApi().toString().replaceAll("/$", ""));
        out.flush();
        return holds && unsettled <= 0;
    }

    private long deadLetters(Admin admin) {
        try {
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            for (String consumer : endpoints.consumers()) {
                for (int p = 0; p < OrderTopics.DEFAULT_PARTITIONS; p++) {
                    ends.put(new TopicPartition(OrderTopics.deadLetter(consumer), p), OffsetSpec.latest());
                }
            }
            return admin.listOffsets(ends).all().get(5, TimeUnit.SECONDS).values().stream()
                    .mapToLong(r -> r.offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }
}
