package dev.orderflow.orderstream.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /orders} on the JDK HTTP server. Mount it on the exact path {@value #PATH}; it answers only POST
 * there (405 for other methods, 404 for other paths), so a server that also serves {@code GET /orders} routes by
 * method before calling it.
 *
 * <p><b>Overload:</b> at most {@link IntakeSettings#maxInFlight()} requests are processed at once; one more is
 * answered 429 with {@code Retry-After} at once, without reading its body, rather than queueing behind a slow
 * database until clients time out. The server's executor must have at least that many threads (handling blocks
 * on JDBC), or requests queue in the executor instead.
 *
 * <p>Every error is {@code application/problem+json}; an unexpected failure is logged with a reference that the
 * 500 answer quotes, and nothing of the exception reaches the client.
 */
public final class OrderIntakeHandler implements HttpHandler {

    /** The path this handler serves. */
    public static final String PATH = "/orders";

    private static final Logger log = LoggerFactory.getLogger(OrderIntakeHandler.class);

    private final Semaphore inFlight;
    private final int maxBodyBytes;
    private final Problems problems;
    private final ObjectMapper mapper;
    private final IntakeEndpoint endpoint;

    public OrderIntakeHandler(IntakeSettings settings, OrderIntake intake) {
        this(settings, (OrderPlacement) intake);
    }

    OrderIntakeHandler(IntakeSettings settings, OrderPlacement placement) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(placement, "placement");
        this.inFlight = new Semaphore(settings.maxInFlight());
        this.maxBodyBytes = settings.maxBodyBytes();
        this.problems = new Problems(settings);
        this.mapper = IntakeJson.newMapper();
        this.endpoint = new IntakeEndpoint(placement, problems, mapper);
    }

    /**
     * The handler over a database migrated with {@link OrderIntake#MIGRATIONS} and the platform's event
     * serializer ({@code EventSerdes.valueSerializer(registrySettings)}): the one call that wires the API.
     */
    public static OrderIntakeHandler create(IntakeSettings settings, DataSource dataSource,
                                            Serializer<SpecificRecord> serializer) {
        return new OrderIntakeHandler(settings, OrderIntake.create(settings, dataSource, serializer));
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            IntakeResponse response;
            if (!inFlight.tryAcquire()) {
                response = problems.tooManyRequests(path);
            } else {
                try {
                    response = answer(exchange, path);
                } finally {
                    // Released before writing: a slow reader of the answer holds no database capacity.
                    inFlight.release();
                }
            }
            write(exchange, response);
        }
    }

    private IntakeResponse answer(HttpExchange exchange, String path) {
        try {
            byte[] body = readBody(exchange);
            if (body == null) {
                return problems.tooLarge(path, maxBodyBytes);
            }
            return endpoint.respond(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body);
        } catch (IOException e) {
            // The client stopped sending; the answer will most likely not reach it either.
            log.debug("reading a request body failed: {}", e.toString());
            return problems.badRequest(path, "The body could not be read");
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            log.error("POST {} failed, reference {}", PATH, reference, e);
            return problems.internalError(path, reference);
        }
    }

    /** The body, or null when it is larger than allowed (reading stops one byte past the limit). */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.strip().matches("[0-9]{1,18}")
                && Long.parseLong(declared.strip()) > maxBodyBytes) {
            return null;
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }

    private void write(HttpExchange exchange, IntakeResponse response) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an intake answer could not be written as JSON", e);
        } catch (IOException e) {
            // The client went away; there is nobody left to answer.
            log.debug("sending a response failed: {}", e.toString());
        }
    }
}
