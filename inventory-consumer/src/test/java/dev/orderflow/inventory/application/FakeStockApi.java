package dev.orderflow.inventory.application;

import dev.orderflow.inventory.domain.StockLine;
import dev.orderflow.runtime.failure.ClassifiedException;
import dev.orderflow.runtime.failure.FailureCategory;
import dev.orderflow.runtime.provider.ProviderCallException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory stock provider with the sandbox's rules (idempotency keys, all-or-nothing reservations, idempotent
 * release and commit, status by key) and scripted faults: a fault either prevents the work or, like a lost reply,
 * happens after it.
 */
final class FakeStockApi implements StockApi {

    /** A scripted failure of the next call of an operation; {@code afterWork}: the work is done, the reply lost. */
    record Fault(ClassifiedException failure, boolean afterWork) {
    }

    private final Map<String, Integer> available = new HashMap<>();
    private final Map<String, Object> byKey = new HashMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<String> reserveKeys = new ArrayList<>();

    FakeStockApi stock(String sku, int units) {
        available.put(sku, units);
        return this;
    }

    FakeStockApi fail(String operation, FailureCategory category) {
        return script(operation, new Fault(failure(operation, category), false));
    }

    FakeStockApi loseReplyAfterWork(String operation) {
        return script(operation, new Fault(failure(operation, FailureCategory.AMBIGUOUS), true));
    }

    FakeStockApi overloaded(String operation, Duration retryAfter) {
        return script(operation, new Fault(new ProviderCallException(FailureCategory.OVERLOAD, operation, 503,
                "UNAVAILABLE", "injected", retryAfter, null), false));
    }

    FakeStockApi script(String operation, Fault fault) {
        faults.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(fault);
        return this;
    }

    long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    long liveReservations() {
        return reservations.values().stream().filter(Reservation::live).count();
    }

    Reservation reservation(String id) {
        return reservations.get(id);
    }

    @Override
    public Reservation reserve(String key, String orderId, List<StockLine> lines, Duration timeout) {
        reserveKeys.add(key);
        return run("stock.reserve", () -> {
            Object previous = byKey.get(key);
            if (previous instanceof StockRejection rejection) {
                throw rejection;
            }
            if (previous instanceof String id) {
                return reservations.get(id);
            }
            List<String> short_ = lines.stream().filter(l -> available.getOrDefault(l.sku(), 0) < l.quantity())
                    .map(StockLine::sku).toList();
            if (!short_.isEmpty()) {
                StockRejection rejection = new StockRejection("OUT_OF_STOCK", short_, "Not enough stock of " + short_);
                byKey.put(key, rejection);
                throw rejection;
            }
            lines.forEach(l -> available.merge(l.sku(), -l.quantity(), Integer::sum));
            Reservation made = new Reservation("res-" + (reservations.size() + 1), "RESERVED",
                    Instant.parse("2030-01-01T00:15:00Z"));
            reservations.put(made.reservationId(), made);
            byKey.put(key, made.reservationId());
            return made;
        });
    }

    @Override
    public KeyStatus reserveStatus(String key, Duration timeout) {
        return run("stock.status", () -> {
            Object previous = byKey.get(key);
            if (previous instanceof StockRejection rejection) {
                return new KeyStatus.Rejected(rejection);
            }
            if (previous instanceof String id) {
                return new KeyStatus.Succeeded(reservations.get(id));
            }
            return new KeyStatus.Unknown();
        });
    }

    @Override
    public Reservation release(String reservationId, Duration timeout) {
        return run("stock.release", () -> settle(reservationId, "RELEASED", "COMMITTED"));
    }

    @Override
    public Reservation commit(String reservationId, Duration timeout) {
        return run("stock.commit", () -> settle(reservationId, "COMMITTED", "RELEASED"));
    }

    private Reservation settle(String id, String target, String refusedFrom) {
        Reservation current = reservations.get(id);
        if (current.status().equals(refusedFrom) || (target.equals("COMMITTED") && current.status().equals("EXPIRED"))) {
            throw new ProviderCallException(FailureCategory.BUSINESS, "stock.settle", 409, "RESERVATION_NOT_LIVE",
                    "reservation is " + current.status(), null, null);
        }
        Reservation next = new Reservation(id, current.status().equals("RESERVED") ? target : current.status(),
                current.expiresAt());
        reservations.put(id, next);
        return next;
    }

    private <T> T run(String operation, java.util.function.Supplier<T> work) {
        calls.add(operation);
        Fault fault = faults.getOrDefault(operation, new ArrayDeque<>()).poll();
        if (fault == null) {
            return work.get();
        }
        if (fault.afterWork()) {
            try {
                work.get();
            } catch (ClassifiedException ignored) {
                // the reply (a rejection too) is lost just the same
            }
        }
        throw fault.failure();
    }

    private static ClassifiedException failure(String operation, FailureCategory category) {
        return switch (category) {
            case TRANSIENT -> new ProviderCallException(category, operation, 502, "TRANSIENT_ERROR", "injected", null,
                    null);
            case OVERLOAD -> new ProviderCallException(category, operation, 429, "RATE_LIMITED", "injected",
                    Duration.ofSeconds(1), null);
            case AMBIGUOUS -> new ProviderCallException(category, operation, 0, null, "HttpTimeoutException", null,
                    null);
            case INTERNAL -> new ProviderCallException(category, operation, 400, "INVALID_REQUEST", "bad body", null,
                    null);
            case BUSINESS -> new StockRejection("OUT_OF_STOCK", List.of("SKU-1"), "injected");
            case MALFORMED -> new ClassifiedException(category, "malformed");
        };
    }
}
