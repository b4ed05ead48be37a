package dev.orderflow.sandbox.http;

import dev.orderflow.sandbox.ledger.Effect;
import dev.orderflow.sandbox.ledger.InvariantAuditor;
import dev.orderflow.sandbox.ledger.Ledger;
import dev.orderflow.sandbox.ledger.LedgerEntry;
import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.stock.StockService;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The ledger, the invariant audit and the health check: never faulted. */
final class AuditRoutes {

    private AuditRoutes() {
    }

    static List<Route> of(Ledger ledger, StockService stock) {
        return List.of(
                Route.control("GET", "/ledger", (request, b) -> {
                    stock.expireDue();
                    return ApiResponse.ok(Map.of("entries", ledger.entries(filter(request))));
                }),
                Route.control("GET", "/ledger/invariants", (request, b) -> {
                    stock.expireDue();
                    return ApiResponse.ok(InvariantAuditor.audit(ledger.entries(), stock.negativeStock()));
                }),
                Route.control("GET", "/health", (request, b) -> ApiResponse.ok(Map.of("status", "UP"))));
    }

    private static Predicate<LedgerEntry> filter(ApiRequest request) {
        Optional<String> orderId = request.query("orderId");
        Optional<Effect.Provider> provider = request.query("provider").map(p -> parse(Effect.Provider.class,
                "provider", p));
        Optional<Effect> effect = request.query("effect").map(e -> parse(Effect.class, "effect", e));
        long after = request.queryLong("after", 0);
        return entry -> entry.sequence() > after
                && orderId.map(entry.orderId()::equals).orElse(true)
                && provider.map(p -> p == entry.provider()).orElse(true)
                && effect.map(e -> e == entry.effect()).orElse(true);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProviderException.invalidRequest("Query parameter " + name + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was " + value);
        }
    }
}
