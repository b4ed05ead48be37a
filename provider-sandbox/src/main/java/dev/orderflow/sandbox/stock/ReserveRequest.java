package dev.orderflow.sandbox.stock;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.sandbox.outcome.ProviderException;
import dev.orderflow.sandbox.outcome.Requests;
import java.util.List;

/**
 * Reserve stock for an order: either one SKU ({@code sku}, {@code quantity}) or several {@code lines}, all or
 * nothing. The single-SKU form is normalized into {@code lines}, so both forms of the same request are the same
 * request for idempotency.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReserveRequest(String orderId, String sku, Integer quantity, List<StockLine> lines) {

    public ReserveRequest {
        Requests.requireText("orderId", orderId);
        if (sku != null || quantity != null) {
            if (lines != null) {
                throw ProviderException.invalidRequest("Give either sku and quantity, or lines, not both");
            }
            lines = List.of(new StockLine(sku, Requests.requirePresent("quantity", quantity)));
            sku = null;
            quantity = null;
        }
        if (lines == null || lines.isEmpty()) {
            throw ProviderException.invalidRequest("Field lines is required and must not be empty");
        }
        lines = List.copyOf(lines);
    }
}
