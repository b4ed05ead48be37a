package dev.orderflow.runtime.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.runtime.config.Durations;
import dev.orderflow.runtime.consumer.ConsumerLoops;
import dev.orderflow.runtime.consumer.ConsumerSettings;
import dev.orderflow.runtime.consumer.StageHandler;
import dev.orderflow.runtime.jdbc.DatabaseMigrations;
import dev.orderflow.runtime.jdbc.StageDataSources;
import dev.orderflow.runtime.policy.StageCallExecutor;
import dev.orderflow.runtime.policy.StagePolicy;
import dev.orderflow.runtime.policy.StagePolicyConfig;
import dev.orderflow.runtime.policy.StagePolicyTable;
import dev.orderflow.runtime.provider.ProviderClient;
import dev.orderflow.runtime.serde.RegistrySettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.config.AbstractConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a stage service from its settings: validates every key (a bad one stops start-up naming it), migrates its
 * database, prints the stage policy table, starts the consumer loops and the HTTP endpoint. The same wiring runs
 * standalone ({@link StageServiceCommand}) and embedded (the local platform, tests).
 */
public final class StageServiceRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StageServiceRunner.class);

    private final HikariDataSource dataSource;
    private final ProviderClient provider;
    private final StageCallExecutor calls;
    private final ConsumerLoops consumer;
    private final ServiceHttpEndpoint endpoint;
    private final StagePolicy policy;
    private final List<AutoCloseable> companions;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StageServiceRunner(HikariDataSource dataSource, ProviderClient provider, StageCallExecutor calls,
            ConsumerLoops consumer, ServiceHttpEndpoint endpoint, StagePolicy policy,
            List<AutoCloseable> companions) {
        this.dataSource = dataSource;
        this.provider = provider;
        this.calls = calls;
        this.consumer = consumer;
        this.endpoint = endpoint;
        this.policy = policy;
        this.companions = companions;
    }

    /** The JSON mapper of stage states: dates as ISO-8601 text, so stored states stay readable. */
    public static ObjectMapper stateJson() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public static StageServiceRunner start(StageService service, Map<String, String> settings, MeterRegistry meters,
            Clock clock) {
        ServiceSettings.Split split = ServiceSettings.split(settings, service.settingsDefinition());
        ServiceSettings own = new ServiceSettings(split.service());
        AbstractConfig stageSettings = new AbstractConfig(service.settingsDefinition(), split.stage(), false);
        StagePolicy policy = StagePolicyConfig.load(service.stage(), split.policy(), service.policyDefaults());
        Map<String, Object> consumerKeys = new HashMap<>(split.consumer());
        consumerKeys.putIfAbsent(ConsumerSettings.NAME, service.name());
        consumerKeys.putIfAbsent(ConsumerSettings.INPUT_TOPICS, String.join(",", service.defaultInputTopics()));
        ConsumerSettings consumerSettings = new ConsumerSettings(consumerKeys);
        LOG.info("{}: stage policy\n{}", service.name(), StagePolicyTable.render(List.of(policy)));

        HikariDataSource dataSource = dataSource(service.name(), own);
        ProviderClient provider = null;
        StageCallExecutor calls = null;
        ConsumerLoops consumer = null;
        List<AutoCloseable> companions = List.of();
        try {
            if (service.migrationLocation() == null) {
                DatabaseMigrations.migrate(dataSource);
            } else {
                DatabaseMigrations.migrate(dataSource, service.migrationLocation());
            }
            provider = new ProviderClient(URI.create(own.getString(ServiceSettings.PROVIDER_URL)),
                    Durations.parse(ServiceSettings.PROVIDER_CONNECT_TIMEOUT,
                            own.getString(ServiceSettings.PROVIDER_CONNECT_TIMEOUT)), new ObjectMapper());
            calls = new StageCallExecutor(policy, meters, clock);
            StageServiceContext context = new StageServiceContext(provider, policy, calls, clock, stageSettings);
            StageHandler<?> handler = service.createHandler(context);
            consumer = ConsumerLoops.start(consumerSettings, handler, dataSource, meters, clock, stateJson());
            companions = service.startCompanions(new StageCompanionContext(context, consumerSettings.name(),
                    consumerSettings.inputTopics(), dataSource, consumerSettings.producerConfig("companion"),
                    RegistrySettings.of(consumerSettings.getString(ConsumerSettings.REGISTRY_URL)), meters));
            int port = own.getInt(ServiceSettings.HTTP_PORT);
            ServiceHttpEndpoint endpoint = port < 0 ? null : ServiceHttpEndpoint.start(port, consumer, meters);
            LOG.info("{}: consuming {} with {} loops (dead letters to {}, replays from {}){}", service.name(),
                    consumerSettings.inputTopics(), consumer.loops().size(), consumerSettings.deadLetterTopic(),
                    consumerSettings.replayTopic(),
                    endpoint == null ? "" : "; /health and /metrics on port " + endpoint.port());
            return new StageServiceRunner(dataSource, provider, calls, consumer, endpoint, policy, companions);
        } catch (RuntimeException e) {
            closeInReverse(companions);
            if (consumer != null) {
                consumer.close();
            }
            if (calls != null) {
                calls.close();
            }
            if (provider != null) {
                provider.close();
            }
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource dataSource(String name, ServiceSettings own) {
        return StageDataSources.open(name, own.getString(ServiceSettings.JDBC_URL),
                own.getString(ServiceSettings.JDBC_USER), own.getPassword(ServiceSettings.JDBC_PASSWORD).value(),
                own.getInt(ServiceSettings.JDBC_POOL_SIZE));
    }

    /** The service's consumer loops. */
    public ConsumerLoops consumer() {
        return consumer;
    }

    public StagePolicy policy() {
        return policy;
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** What the service runs beside its consumer loop ({@link StageService#startCompanions}). */
    public List<AutoCloseable> companions() {
        return companions;
    }

    /** Port of /health and /metrics, or -1 when turned off. */
    public int httpPort() {
        return endpoint == null ? -1 : endpoint.port();
    }

    /**
     * Stops the companions, finishes the batch in flight, commits, leaves the group, then closes the provider's
     * connections, the endpoint and the pool and removes the breaker gauge (a runner started again on the same
     * registry shows its own breaker). A second call does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeInReverse(companions);
        consumer.close();
        calls.close();
        provider.close();
        if (endpoint != null) {
            endpoint.close();
        }
        dataSource.close();
    }

    /** Last started, first closed; one that fails to close does not keep the others open. */
    private static void closeInReverse(List<AutoCloseable> companions) {
        for (int i = companions.size() - 1; i >= 0; i--) {
            try {
                companions.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", companions.get(i), e);
            }
        }
    }
}
