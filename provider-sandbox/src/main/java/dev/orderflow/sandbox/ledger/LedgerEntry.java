package dev.orderflow.sandbox.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One side effect.
 *
 * @param sequence       position in the ledger, from 1, in the order effects happened
 * @param at             when it happened by the sandbox clock
 * @param effect         what happened
 * @param provider       whose books it is in
 * @param orderId        the order the caller named
 * @param reference      the provider's reference: reservation, authorization or shipment id
 * @param idempotencyKey the key of the call that caused it, if the call carried one
 * @param amountMinor    money moved, in minor units (payment effects)
 * @param currency       currency of {@code amountMinor}
 * @param quantities     units per SKU (stock effects)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(long sequence, Instant at, Effect effect, Effect.Provider provider, String orderId,
                          String reference, String idempotencyKey, Long amountMinor, String currency,
                          Map<String, Integer> quantities) {

    public LedgerEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reference, "reference");
        quantities = quantities == null ? null : Map.copyOf(quantities);
    }
}
