package dev.orderflow.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.orderflow.sandbox.fault.FaultDecision;
import dev.orderflow.sandbox.fault.FaultInjector;
import dev.orderflow.sandbox.idempotency.IdempotencyConflictException;
import dev.orderflow.sandbox.outcome.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every call: routes it, draws its fault decision and acts on it. Latency and held connections are timers,
 * not sleeping threads, so a harsh profile does not starve the worker pool. A lost reply is simulated by doing
 * the work and then closing the connection without an answer (after holding it, so the client usually hits its
 * own timeout first); a timeout without work does the same without running the handler.
 */
final class CallDispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CallDispatcher.class);

    private final Router router;
    private final FaultInjector faults;
    private final ObjectMapper mapper;
    private final Executor workers;
    private final ScheduledExecutorService timers;
    private final CallCounter counter;

    CallDispatcher(Router router, FaultInjector faults, ObjectMapper mapper, Executor workers,
                   ScheduledExecutorService timers, CallCounter counter) {
        this.router = router;
        this.counter = counter;
        this.faults = faults;
        this.mapper = mapper;
        this.workers = workers;
        this.timers = timers;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Router.Match match = router.route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
            ApiRequest request = new ApiRequest(match.pathParams(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, mapper);
            FaultDecision decision = match.route().operation().map(faults::next).orElse(FaultDecision.NONE);
            String identity = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Idempotency-Key"))
                    .orElse(exchange.getRequestURI().getRawPath());
            Runnable proceed = () -> proceed(exchange, match.route(), request, decision, identity);
            if (decision.latency().isZero()) {
                proceed.run();
            } else {
                later(decision.latency(), () -> workers.execute(proceed));
            }
        } catch (Router.RoutingException e) {
            send(exchange, ApiResponse.problem(e.problem()));
        } catch (IOException e) {
            LOG.debug("Reading a request failed: {}", e.toString());
            exchange.close();
        }
    }

    private void proceed(HttpExchange exchange, Route route, ApiRequest request, FaultDecision decision,
                         String identity) {
        switch (decision.kind()) {
            case TRANSIENT_ERROR -> {
                count(route, identity, CallCounter.Outcome.TRANSIENT_ERROR);
                send(exchange, ApiResponse.problem(Problem.of(decision.errorStatus(), "Transient error",
                        "TRANSIENT_ERROR", "Injected transient failure; nothing was done").injected(null)));
            }
            case OVERLOAD -> {
                count(route, identity, CallCounter.Outcome.OVERLOAD);
                send(exchange, overload(decision));
            }
            case TIMEOUT_BEFORE_WORK -> {
                count(route, identity, CallCounter.Outcome.TIMEOUT_BEFORE_WORK);
                drop(exchange, decision.hold());
            }
            case LOST_REPLY_AFTER_WORK -> {
                invoke(route, request, decision);
                count(route, identity, CallCounter.Outcome.LOST_REPLY_AFTER_WORK);
                drop(exchange, decision.hold());
            }
            case NONE -> {
                ApiResponse response = invoke(route, request, decision);
                count(route, identity, CallCounter.outcomeOf(response.status()));
                send(exchange, response);
            }
        }
    }

    private void count(Route route, String identity, CallCounter.Outcome outcome) {
        route.operation().ifPresent(operation -> counter.record(operation, identity, outcome));
    }

    private ApiResponse invoke(Route route, ApiRequest request, FaultDecision decision) {
        try {
            return route.handler().handle(request, decision.business());
        } catch (ProviderException e) {
            return ApiResponse.problem(problemOf(e));
        } catch (IdempotencyConflictException e) {
            return ApiResponse.problem(Problem.of(409, "Idempotency key reused", "IDEMPOTENCY_KEY_REUSED",
                    e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", route.method(), route.template(), e);
            return ApiResponse.problem(Problem.of(500, "Internal error", "INTERNAL_ERROR",
                    "The sandbox failed: " + e));
        }
    }

    private static Problem problemOf(ProviderException e) {
        return switch (e.kind()) {
            case INVALID_REQUEST -> Problem.of(400, "Invalid request", e.reason(), e.getMessage());
            case NOT_FOUND -> Problem.of(404, "Not found", e.reason(), e.getMessage());
            case INVALID_STATE -> Problem.of(409, "Invalid state", e.reason(), e.getMessage());
        };
    }

    private static ApiResponse overload(FaultDecision decision) {
        long seconds = decision.retryAfter().toSeconds();
        boolean rateLimited = decision.errorStatus() == 429;
        Problem problem = Problem.of(decision.errorStatus(), rateLimited ? "Too many requests" : "Unavailable",
                rateLimited ? "RATE_LIMITED" : "UNAVAILABLE", "Injected overload; nothing was done")
                .injected(seconds);
        return ApiResponse.problem(problem).withHeader("Retry-After", Long.toString(seconds));
    }

    /** Closes the connection without an answer, now or after holding it. */
    private void drop(HttpExchange exchange, Duration hold) {
        if (hold.isZero()) {
            exchange.close();
        } else {
            later(hold, exchange::close);
        }
    }

    private void later(Duration delay, Runnable task) {
        try {
            timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // The sandbox is shutting down; the connection goes with the server.
            LOG.debug("Not scheduled, sandbox stopping");
        }
    }

    private void send(HttpExchange exchange, ApiResponse response) {
        try (exchange) {
            byte[] bytes = response.body() == null ? new byte[0] : mapper.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", response.body() instanceof Problem
                    ? "application/problem+json" : "application/json");
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client went away (often by its own timeout); there is nobody left to tell.
            LOG.debug("Sending a response failed: {}", e.toString());
        }
    }
}
