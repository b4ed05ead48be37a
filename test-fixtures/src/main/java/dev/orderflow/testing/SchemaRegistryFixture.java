package dev.orderflow.testing;

import dev.orderflow.infra.registry.SchemaRegistryServer;
import dev.orderflow.infra.registry.SchemaRegistrySettings;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The schema registry shared by every integration test of a JVM: the registry named by
 * {@code orderflow.test.registry.url}, else an Apicurio registry in a container or the one built by
 * {@code schema-registry-server} started as a child process, as {@link FixtureMode} decides.
 */
public final class SchemaRegistryFixture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryFixture.class);

    private static final String CONFLUENT_API_PATH = "/apis/ccompat/v7";

    private final Optional<SchemaRegistryServer> server;
    private final Optional<Runnable> container;
    private final Optional<Duration> startupTime;
    private final String confluentApiUrl;

    private SchemaRegistryFixture(Optional<SchemaRegistryServer> server, Optional<Runnable> container,
                                  Optional<Duration> startupTime, String confluentApiUrl) {
        this.server = server;
        this.container = container;
        this.startupTime = startupTime;
        this.confluentApiUrl = confluentApiUrl.replaceAll("/+$", "");
    }

    static SchemaRegistryFixture start(FixtureMode mode) {
        Optional<String> external = TestSettings.get("orderflow.test.registry.url");
        if (external.isPresent()) {
            log.info("integration tests use the schema registry at {}", external.get());
            return new SchemaRegistryFixture(Optional.empty(), Optional.empty(), Optional.empty(), external.get());
        }
        if (mode == FixtureMode.CONTAINERS) {
            long started = System.nanoTime();
            GenericContainer<?> container = ContainerInfrastructure.registry();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String url = ContainerInfrastructure.registryConfluentUrl(container);
            log.info("test schema registry container {} started in {} ms at {}", container.getDockerImageName(),
                    took.toMillis(), url);
            return new SchemaRegistryFixture(Optional.empty(), Optional.of(container::stop), Optional.of(took), url);
        }
        SchemaRegistryServer server = SchemaRegistryServer.start(SchemaRegistrySettings.builder().build());
        log.info("test schema registry started in {} ms at {}", server.startupTime().toMillis(),
                server.confluentApiUrl());
        return new SchemaRegistryFixture(Optional.of(server), Optional.empty(), Optional.of(server.startupTime()),
                server.confluentApiUrl().toString());
    }

    /** Base URL of the Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String confluentApiUrl() {
        return confluentApiUrl;
    }

    /**
     * Base URL of Apicurio's own API, which the platform's serdes use, e.g.
     * {@code http://127.0.0.1:41234/apis/registry/v2}. For a container or an external registry it is derived from
     * the Confluent API URL, which must then be an Apicurio one ending in {@value #CONFLUENT_API_PATH}.
     */
    public String apicurioApiUrl() {
        if (server.isPresent()) {
            return server.get().registryApiUrl().toString();
        }
        if (!confluentApiUrl.endsWith(CONFLUENT_API_PATH)) {
            throw new IllegalStateException("the serdes need an Apicurio registry; " + confluentApiUrl
                    + " does not end in " + CONFLUENT_API_PATH);
        }
        return confluentApiUrl.substring(0, confluentApiUrl.length() - CONFLUENT_API_PATH.length()) + "/apis/registry/v2";
    }

    /** Start-up time of the registry this fixture started (embedded or container); empty for an external one. */
    public Optional<Duration> startupTime() {
        return startupTime;
    }

    @Override
    public void close() {
        server.ifPresent(SchemaRegistryServer::close);
        container.ifPresent(Runnable::run);
    }
}
