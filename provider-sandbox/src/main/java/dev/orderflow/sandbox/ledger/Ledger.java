package dev.orderflow.sandbox.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Append-only record of every side effect of every provider, in the order they happened. It is the provider's
 * view that DESIGN.md §4 is audited against: what the services believe does not count here.
 */
public final class Ledger {

    private final List<LedgerEntry> entries = new ArrayList<>();

    public synchronized LedgerEntry recordStock(Instant at, Effect effect, String orderId, String reservationId,
                                                String idempotencyKey, Map<String, Integer> quantities) {
        return append(at, effect, orderId, reservationId, idempotencyKey, null, null, quantities);
    }

    public synchronized LedgerEntry recordPayment(Instant at, Effect effect, String orderId, String authorizationId,
                                                  String idempotencyKey, long amountMinor, String currency) {
        return append(at, effect, orderId, authorizationId, idempotencyKey, amountMinor, currency, null);
    }

    public synchronized LedgerEntry recordShipment(Instant at, String orderId, String shipmentId,
                                                   String idempotencyKey) {
        return append(at, Effect.SHIPMENT_ACCEPTED, orderId, shipmentId, idempotencyKey, null, null, null);
    }

    /** Entries matching the filter, oldest first. */
    public synchronized List<LedgerEntry> entries(Predicate<LedgerEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    private LedgerEntry append(Instant at, Effect effect, String orderId, String reference, String key,
                               Long amountMinor, String currency, Map<String, Integer> quantities) {
        LedgerEntry entry = new LedgerEntry(entries.size() + 1L, at, effect, effect.provider(), orderId, reference,
                key, amountMinor, currency, quantities);
        entries.add(entry);
        return entry;
    }
}
