package dev.orderflow.sandbox.stock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The counts per SKU. Every change goes through here, and here a change that would make available stock negative
 * fails before it happens: DESIGN.md §4.4 is enforced in one place, not by each caller remembering to check.
 * Not thread-safe; {@link StockService} guards it.
 */
final class StockLevels {

    private final Map<String, Counts> bySku = new TreeMap<>();

    StockLevels(Map<String, Integer> initial) {
        initial.forEach(this::setAvailable);
    }

    boolean knows(String sku) {
        return bySku.containsKey(sku);
    }

    long available(String sku) {
        return bySku.get(sku).available;
    }

    /** Moves units from available to reserved; all SKUs must be known and have enough units. */
    void reserve(Map<String, Integer> quantities) {
        quantities.forEach((sku, qty) -> {
            if (counts(sku).available < qty) {
                throw new IllegalStateException("Reserving " + qty + " of " + sku + " would make stock negative");
            }
        });
        quantities.forEach((sku, qty) -> {
            Counts counts = counts(sku);
            counts.available -= qty;
            counts.reserved += qty;
            counts.lowestAvailable = Math.min(counts.lowestAvailable, counts.available);
        });
    }

    void release(Map<String, Integer> quantities) {
        quantities.forEach((sku, qty) -> {
            Counts counts = counts(sku);
            counts.reserved -= qty;
            counts.available += qty;
        });
    }

    void commit(Map<String, Integer> quantities) {
        quantities.forEach((sku, qty) -> {
            Counts counts = counts(sku);
            counts.reserved -= qty;
            counts.committed += qty;
        });
    }

    /** Sets the units available for reservation (restocking), keeping what is reserved and committed. */
    void setAvailable(String sku, int available) {
        if (available < 0) {
            throw new IllegalArgumentException("Invalid value " + available + " for stock of " + sku
                    + ": must not be negative");
        }
        Counts counts = bySku.computeIfAbsent(sku, s -> new Counts());
        counts.available = available;
        counts.lowestAvailable = Math.min(counts.lowestAvailable, available);
    }

    Optional<StockLevel> level(String sku) {
        return Optional.ofNullable(bySku.get(sku)).map(c -> c.view(sku));
    }

    List<StockLevel> levels() {
        return bySku.entrySet().stream().map(e -> e.getValue().view(e.getKey())).toList();
    }

    private Counts counts(String sku) {
        Counts counts = bySku.get(sku);
        if (counts == null) {
            throw new IllegalStateException("Unknown SKU " + sku);
        }
        return counts;
    }

    private static final class Counts {
        long available;
        long reserved;
        long committed;
        long lowestAvailable = Long.MAX_VALUE;

        StockLevel view(String sku) {
            return new StockLevel(sku, available, reserved, committed, lowestAvailable);
        }
    }
}
