package dev.orderflow.sandbox.stock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reservation as the stock provider reports it. Immutable: a state change yields a new value. */
public record Reservation(String reservationId, String orderId, String idempotencyKey, List<StockLine> lines,
                          ReservationStatus status, Instant createdAt, Instant expiresAt, Instant updatedAt) {

    public Reservation {
        lines = List.copyOf(lines);
    }

    Reservation withStatus(ReservationStatus newStatus, Instant at) {
        return new Reservation(reservationId, orderId, idempotencyKey, lines, newStatus, createdAt, expiresAt, at);
    }

    /** Units per SKU, with repeated SKUs summed. */
    Map<String, Integer> quantities() {
        Map<String, Integer> bySku = new LinkedHashMap<>();
        lines.forEach(line -> bySku.merge(line.sku(), line.quantity(), Integer::sum));
        return bySku;
    }
}
