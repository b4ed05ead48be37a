package dev.orderflow.sandbox.stock;

import dev.orderflow.sandbox.fault.BusinessFault;
import dev.orderflow.sandbox.idempotency.IdempotencyStore;
import dev.orderflow.sandbox.idempotency.IdempotencyStore.Execution;
import dev.orderflow.sandbox.ledger.Effect;
import dev.orderflow.sandbox.ledger.InvariantReport.NegativeStock;
import dev.orderflow.sandbox.ledger.Ledger;
import dev.orderflow.sandbox.outcome.KeyHistory;
import dev.orderflow.sandbox.outcome.KeyStatus;
import dev.orderflow.sandbox.outcome.Outcome;
import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Rejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The warehouse's stock API: reserve (all lines or nothing), release, commit, status by id and by idempotency key.
 * Reservations not committed or released within the TTL expire and give their units back, as real warehouses do.
 * Expiry is evaluated against the clock whenever the provider is used, so a test that moves the clock sees it at
 * once, without a background thread.
 */
public final class StockService {

    private final Clock clock;
    private final Ledger ledger;
    private final Duration reservationTtl;
    private final StockLevels levels;
    private final IdempotencyStore<Outcome<Reservation>> keys;
    private final KeyHistory<String> history = new KeyHistory<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    /** Live reservations in creation order, which is expiry order because the TTL is fixed. */
    private final LinkedHashMap<String, Reservation> live = new LinkedHashMap<>();
    private long nextId = 1;

    public StockService(Clock clock, Ledger ledger, Duration reservationTtl, Map<String, Integer> initialStock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.reservationTtl = Objects.requireNonNull(reservationTtl, "reservationTtl");
        this.levels = new StockLevels(initialStock);
        this.keys = IdempotencyStore.keepingForever(clock);
    }

    public synchronized Execution<Outcome<Reservation>> reserve(String key, ReserveRequest request,
                                                                BusinessFault fault) {
        expireDue();
        return keys.execute(key, request.toString(), () -> {
            Outcome<Reservation> outcome = decide(key, request, fault);
            history.record(key, outcome instanceof Outcome.Done<Reservation> done
                    ? Outcome.done(done.value().reservationId())
                    : Outcome.refused(((Outcome.Refused<Reservation>) outcome).rejection()));
            return outcome;
        });
    }

    public synchronized Reservation release(String reservationId) {
        expireDue();
        Reservation current = find(reservationId);
        return switch (current.status()) {
            case RESERVED -> {
                levels.release(current.quantities());
                yield transition(current, ReservationStatus.RELEASED, Effect.STOCK_RELEASED);
            }
            case RELEASED, EXPIRED -> current;
            case COMMITTED -> throw notLive(current, "released");
        };
    }

    public synchronized Reservation commit(String reservationId) {
        expireDue();
        Reservation current = find(reservationId);
        return switch (current.status()) {
            case RESERVED -> {
                levels.commit(current.quantities());
                yield transition(current, ReservationStatus.COMMITTED, Effect.STOCK_COMMITTED);
            }
            case COMMITTED -> current;
            case RELEASED, EXPIRED -> throw notLive(current, "committed");
        };
    }

    public synchronized Reservation reservation(String reservationId) {
        expireDue();
        return find(reservationId);
    }

    public synchronized KeyStatus<Reservation> statusByKey(String key) {
        expireDue();
        Outcome<String> latest = history.latest(key)
                .orElseThrow(() -> ProviderException.unknownKey(key));
        int executions = history.executions(key);
        if (latest instanceof Outcome.Done<String> done) {
            return KeyStatus.succeeded(key, reservations.get(done.value()), executions);
        }
        return KeyStatus.rejected(key, ((Outcome.Refused<String>) latest).rejection(), executions);
    }

    public synchronized List<StockLevel> levels() {
        expireDue();
        return levels.levels();
    }

    public synchronized StockLevel level(String sku) {
        expireDue();
        return levels.level(sku).orElseThrow(() -> ProviderException.notFound("SKU", sku));
    }

    /** Restocking, from the admin API: sets the units available for reservation. */
    public synchronized StockLevel setAvailable(String sku, int available) {
        try {
            levels.setAvailable(sku, available);
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalidRequest(e.getMessage());
        }
        return levels.level(sku).orElseThrow();
    }

    /** SKUs whose available stock was ever below zero; DESIGN.md §4.4 says this list is always empty. */
    public synchronized List<NegativeStock> negativeStock() {
        expireDue();
        return levels.levels().stream().filter(l -> l.lowestAvailable() < 0)
                .map(l -> new NegativeStock(l.sku(), l.available(), l.lowestAvailable())).toList();
    }

    /** Lets reservations whose TTL has passed expire now; also run by every other call. */
    public synchronized void expireDue() {
        Instant now = clock.instant();
        Iterator<Reservation> oldestFirst = live.values().iterator();
        while (oldestFirst.hasNext()) {
            Reservation next = oldestFirst.next();
            if (now.isBefore(next.expiresAt())) {
                return;
            }
            oldestFirst.remove();
            levels.release(next.quantities());
            Reservation expired = next.withStatus(ReservationStatus.EXPIRED, next.expiresAt());
            reservations.put(expired.reservationId(), expired);
            ledger.recordStock(next.expiresAt(), Effect.STOCK_RESERVATION_EXPIRED, next.orderId(),
                    next.reservationId(), null, next.quantities());
        }
    }

    private Outcome<Reservation> decide(String key, ReserveRequest request, BusinessFault fault) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        request.lines().forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
        List<String> invalid = request.lines().stream().filter(l -> l.quantity() < 1).map(StockLine::sku).toList();
        if (!invalid.isEmpty()) {
            return refuse("INVALID_QUANTITY", "Quantities must be at least 1", invalid, false);
        }
        List<String> unknown = quantities.keySet().stream().filter(sku -> !levels.knows(sku)).toList();
        if (!unknown.isEmpty()) {
            return refuse("UNKNOWN_SKU", "Unknown SKUs: " + String.join(", ", unknown), unknown, false);
        }
        if (fault.reject()) {
            return refuse("OUT_OF_STOCK", "Not enough stock (injected)", List.copyOf(quantities.keySet()), true);
        }
        List<String> shortSkus = quantities.entrySet().stream()
                .filter(e -> levels.available(e.getKey()) < e.getValue()).map(Map.Entry::getKey).toList();
        if (!shortSkus.isEmpty()) {
            return refuse("OUT_OF_STOCK", "Not enough stock of " + String.join(", ", shortSkus), shortSkus, false);
        }
        levels.reserve(quantities);
        Instant now = clock.instant();
        Reservation created = new Reservation(String.format("res-%06d", nextId++), request.orderId(), key,
                request.lines(), ReservationStatus.RESERVED, now, now.plus(reservationTtl), now);
        reservations.put(created.reservationId(), created);
        live.put(created.reservationId(), created);
        ledger.recordStock(now, Effect.STOCK_RESERVED, created.orderId(), created.reservationId(), key, quantities);
        return Outcome.done(created);
    }

    private static Outcome<Reservation> refuse(String reason, String detail, List<String> skus, boolean injected) {
        return Outcome.refused(new Rejection(reason, detail, skus, injected));
    }

    private Reservation transition(Reservation current, ReservationStatus status, Effect effect) {
        Instant now = clock.instant();
        Reservation changed = current.withStatus(status, now);
        reservations.put(changed.reservationId(), changed);
        live.remove(changed.reservationId());
        ledger.recordStock(now, effect, changed.orderId(), changed.reservationId(), null, changed.quantities());
        return changed;
    }

    private Reservation find(String reservationId) {
        Reservation found = reservations.get(reservationId);
        if (found == null) {
            throw ProviderException.notFound("Reservation", reservationId);
        }
        return found;
    }

    private static ProviderException notLive(Reservation reservation, String verb) {
        return new ProviderException(ProviderException.Kind.INVALID_STATE, "RESERVATION_NOT_LIVE",
                "Reservation " + reservation.reservationId() + " is " + reservation.status() + " and cannot be "
                        + verb);
    }
}
