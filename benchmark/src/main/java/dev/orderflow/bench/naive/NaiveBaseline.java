package dev.orderflow.bench.naive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.bench.naive.LedgerAudit.FinalState;
import dev.orderflow.infra.kafka.KafkaTopics;
import dev.orderflow.infra.postgres.PostgresServer;
import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import dev.orderflow.launcher.PlatformServices;
import dev.orderflow.sandbox.ProviderSandbox;
import dev.orderflow.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Runs the naive baseline once on a given broker and PostgreSQL server: its own topics ({@code naive.<run>.*}), its
 * own database ({@code naive_<run>}) and its own provider sandbox (so its ledger is separate), the given fault
 * profile; places the orders at the given rate, waits until they settle (or the drain timeout ends) and audits the
 * sandbox's books against the pipeline's own states.
 */
public final class NaiveBaseline {

    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /**
     * How often an accepted shipment is asked for: the stage-aware shipping stage's first status-query delay (its
     * schedule starts at 2 s and starts again after every step it sees).
     */
    private static final Duration FOLLOW_EVERY = Duration.ofSeconds(2);

    private final NaiveSettings settings;
    private final String bootstrapServers;
    private final PostgresServer postgres;
    private final PrintWriter out;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.systemUTC();

    private NaiveBaseline(NaiveSettings settings, String bootstrapServers, PostgresServer postgres, PrintWriter out) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.postgres = postgres;
        this.out = out;
    }

    /**
     * Runs the baseline and returns its figures.
     *
     * @param out progress lines go here
     */
    public static NaiveResult run(NaiveSettings settings, String bootstrapServers, PostgresServer postgres,
            PrintWriter out) throws Exception {
        return new NaiveBaseline(settings, bootstrapServers, postgres, out).run();
    }

    private NaiveResult run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        NaiveTopics topics = NaiveTopics.forRun(run);
        createTopics(topics);
        ConnectionInfo database = postgres.createDatabase("naive_" + run);
        try (ProviderSandbox sandbox = ProviderSandbox.start(SandboxConfig.builder().faultProfile(settings.faults())
                     .initialStock(PlatformServices.STOCK)
                     .fulfillmentStepInterval(PlatformServices.FULFILLMENT_STEP).build());
             HikariDataSource db = dataSource(database);
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 5),
                     new StringSerializer(), new StringSerializer())) {
            overrideFaults(sandbox);
            NaiveOrderStore store = new NaiveOrderStore(db);
            store.createSchema();
            BlindRetryClient provider = new BlindRetryClient(sandbox.baseUri(), settings.attempts(),
                    settings.attemptTimeout(), settings.retryKeys(), json);
            DualWriter events = new DualWriter(producer, json);
            NaiveDeliveries deliveries = new NaiveDeliveries(provider, store, events, topics.delivered(),
                    FOLLOW_EVERY, settings.consumersPerStage(), clock);
            NaiveStages stages = new NaiveStages(provider, store, events, topics, deliveries, clock);
            progress(String.format("naive run %s: %d orders at %d/s, faults %s, %d attempts per call, keys %s",
                    run, settings.orders(), settings.perSecond(), settings.faults(), settings.attempts(),
                    settings.retryKeys()));
            List<NaiveStageConsumers> groups = new ArrayList<>();
            try {
                groups.add(consumers("naive-" + run + "-stock", topics.orders(), stages.stock()));
                groups.add(consumers("naive-" + run + "-payment", topics.stockReserved(), stages.payment()));
                groups.add(consumers("naive-" + run + "-shipping", topics.paymentAuthorized(), stages.shipping()));
                for (NaiveStageConsumers group : groups) {
                    group.awaitAssignment(ASSIGNMENT_TIMEOUT);
                }
                place(store, events, topics);
                drain(store);
            } finally {
                groups.forEach(NaiveStageConsumers::close);
                deliveries.close();
            }
            return result(store, provider, new SandboxLedger(sandbox.baseUri(), json));
        }
    }

    private void place(NaiveOrderStore store, DualWriter events, NaiveTopics topics) throws Exception {
        NaiveLoad load = new NaiveLoad();
        long started = System.nanoTime();
        for (int i = 0; i < settings.orders(); i++) {
            long wait = settings.unpaced() ? 0 : started + (long) (i * 1e9 / settings.perSecond()) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);    // pacing a load, not coordinating threads
            }
            NaiveOrder order = load.next();
            store.placed(order.orderId(), clock.instant());
            events.publish(topics.orders(), order);    // right after the commit: the dual write
        }
    }

    /** Waits until every order is delivered or ended, or the drain timeout ends. */
    private void drain(NaiveOrderStore store) throws Exception {
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        long nextProgress = System.nanoTime();
        while (store.finished() < settings.orders() && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextProgress) {
                progress("  settled " + store.settled() + ", delivered " + store.deliveredCount() + " of "
                        + settings.orders());
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            // A measurement loop, not coordination: look at the progress a few times a second.
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private NaiveResult result(NaiveOrderStore store, BlindRetryClient provider, SandboxLedger ledger)
            throws Exception {
        Map<String, FinalState> states = store.finalStates();
        Map<FinalState, Long> counts = NaiveOrderStore.count(states);
        LedgerAudit audit = LedgerAudit.of(ledger.entries(), ledger.invariants(), states);
        return new NaiveResult(settings, states.size(), counts.get(FinalState.SHIPPED), store.deliveredCount(),
                counts.get(FinalState.REJECTED), counts.get(FinalState.CANCELLED), counts.get(FinalState.UNSETTLED),
                store.wallTime(), store.shippingSpan(), store.deliverySpan(), LatencySummary.of(store.shippingLatencies()),
                provider.requests(), provider.operations(), provider.reads(), audit,
                LedgerFigures.of(ledger.timedEntries()));
    }

    private NaiveStageConsumers consumers(String name, String topic, NaiveStages.Stage stage) {
        return new NaiveStageConsumers(name, bootstrapServers, topic, settings.consumersPerStage(),
                settings.partitions(), stage, json);
    }

    private void createTopics(NaiveTopics topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            KafkaTopics.createAndAwait(admin, topics.all().stream()
                    .map(t -> new NewTopic(t, settings.partitions(), (short) 1)).toList(), Duration.ofSeconds(30));
        }
    }

    private HikariDataSource dataSource(ConnectionInfo database) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(3 * settings.consumersPerStage() + 2);
        pool.setPoolName("naive");
        return new HikariDataSource(pool);
    }

    private void overrideFaults(ProviderSandbox sandbox) throws IOException, InterruptedException {
        if (settings.faultOverrides().isEmpty()) {
            return;
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                sandbox.baseUri().resolve("/admin/faults")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("overrides",
                        settings.faultOverrides())))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException("the sandbox refused the fault overrides: " + response.body());
        }
    }

    private void progress(String line) {
        out.println(line);
        out.flush();
    }
}
