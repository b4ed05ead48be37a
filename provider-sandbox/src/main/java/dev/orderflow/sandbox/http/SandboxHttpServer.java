package dev.orderflow.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.sandbox.SandboxServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK HTTP server serving every endpoint, with its worker pool and the timer for delays and held calls. */
public final class SandboxHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;

    private SandboxHttpServer(HttpServer server, ExecutorService workers, ScheduledExecutorService timers) {
        this.server = server;
        this.workers = workers;
        this.timers = timers;
    }

    /**
     * The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body then
     * waits for the client's delayed ACK, which adds about 40 ms to every call on Linux. The server reads this
     * property once per JVM, when its first instance is created, so it is set (unless the user set it) before that.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /** Binds and starts serving; fails with the address when it cannot bind. */
    public static SandboxHttpServer start(InetSocketAddress address, int workerThreads, SandboxServices services)
            throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        ObjectMapper mapper = Json.newMapper();
        List<Route> routes = new ArrayList<>();
        routes.addAll(StockRoutes.of(services.stock()));
        routes.addAll(PaymentRoutes.of(services.payment()));
        routes.addAll(FulfillmentRoutes.of(services.fulfillment()));
        routes.addAll(AuditRoutes.of(services.ledger(), services.stock()));
        routes.addAll(AdminRoutes.of(services.faults(), services.stock(), services.clock(), mapper));
        CallCounter counter = new CallCounter();
        routes.add(Route.control("GET", "/admin/calls", (request, b) ->
                ApiResponse.ok(Map.of("operations", counter.snapshot()))));

        ExecutorService workers = Executors.newFixedThreadPool(workerThreads, named("sandbox-http"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(named("sandbox-timer"));
        try {
            HttpServer server = HttpServer.create(address, 128);
            server.createContext("/", new CallDispatcher(new Router(routes), services.faults(), mapper, workers,
                    timers, counter));
            server.setExecutor(workers);
            server.start();
            return new SandboxHttpServer(server, workers, timers);
        } catch (IOException | RuntimeException e) {
            workers.shutdownNow();
            timers.shutdownNow();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops at once: calls being delayed or held are dropped, as a crashed provider would drop them. */
    @Override
    public void close() {
        server.stop(0);
        timers.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
