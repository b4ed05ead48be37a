package dev.orderflow.orderstream.intake;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A JDK HTTP server on an ephemeral port with the handler mounted on /orders, as OrderApiServer mounts it. */
final class IntakeServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;

    private IntakeServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Enough workers that the handler's own limit, not the pool, decides what runs at once. */
    static IntakeServer start(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService workers = Executors.newFixedThreadPool(32);
        server.createContext(OrderIntakeHandler.PATH, handler);
        server.setExecutor(workers);
        server.start();
        return new IntakeServer(server, workers);
    }

    URI orders() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + OrderIntakeHandler.PATH);
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
