package dev.orderflow.sandbox;

import dev.orderflow.sandbox.http.SandboxHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running provider sandbox. Start one per test class (or per JVM) on an ephemeral port and point the services
 * at {@link #baseUri()}; {@link #services()} gives tests direct access to the clock and the ledger.
 *
 * <pre>{@code
 * try (ProviderSandbox sandbox = ProviderSandbox.start(SandboxConfig.builder().faultProfile("realistic").build())) {
 *     URI stock = sandbox.baseUri().resolve("/stock/reservations");
 * }
 * }</pre>
 */
public final class ProviderSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSandbox.class);

    private final SandboxHttpServer server;
    private final SandboxServices services;
    private final URI baseUri;

    private ProviderSandbox(SandboxHttpServer server, SandboxServices services, URI baseUri) {
        this.server = server;
        this.services = services;
        this.baseUri = baseUri;
    }

    /**
     * Starts serving.
     *
     * @throws UncheckedIOException naming the address when the port cannot be bound
     */
    public static ProviderSandbox start(SandboxConfig config) {
        SandboxServices services = SandboxServices.from(config);
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        SandboxHttpServer server;
        try {
            server = SandboxHttpServer.start(address, config.workerThreads(), services);
        } catch (IOException e) {
            throw new UncheckedIOException("Provider sandbox could not listen on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        URI baseUri = URI.create("http://" + hostForUri(config.host()) + ":" + server.address().getPort());
        LOG.info("Provider sandbox listening on {}", baseUri);
        config.describe().forEach(line -> LOG.info("  {}", line));
        return new ProviderSandbox(server, services, baseUri);
    }

    /** Where the sandbox listens, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The providers behind the HTTP API, for assertions and for moving the clock in-process. */
    public SandboxServices services() {
        return services;
    }

    @Override
    public void close() {
        server.close();
        LOG.info("Provider sandbox on {} stopped", baseUri);
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
