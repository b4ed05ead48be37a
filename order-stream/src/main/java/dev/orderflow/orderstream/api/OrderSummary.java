package dev.orderflow.orderstream.api;

import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderView;
import dev.orderflow.orderstream.domain.PendingAction;
import java.time.Instant;
import java.util.List;

/** One entry of the exception queue: enough for an operator to pick an order, the full view is one GET away. */
public record OrderSummary(String orderId, OrderState state, Instant stateEnteredAt, OrderState escalatedFrom,
                           String reason, Instant deadline, List<PendingAction> pendingActions, int anomalies) {

    public static OrderSummary of(OrderView v) {
        return new OrderSummary(v.orderId(), v.state(), v.stateEnteredAt(), v.escalatedFrom(), v.reason(),
                v.deadline(), v.pendingActions(), v.anomalies().size());
    }
}
