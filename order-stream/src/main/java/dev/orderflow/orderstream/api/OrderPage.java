package dev.orderflow.orderstream.api;

import dev.orderflow.orderstream.domain.OrderState;
import java.util.List;

/**
 * A page of the exception queue, ordered by order id.
 *
 * @param next the {@code after} value of the next page; null on the last page
 */
public record OrderPage(OrderState state, int limit, List<OrderSummary> orders, String next) {
}
