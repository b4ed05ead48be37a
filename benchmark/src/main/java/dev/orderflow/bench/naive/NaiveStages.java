package dev.orderflow.bench.naive;

import dev.orderflow.bench.naive.BlindRetryClient.Outcome;
import dev.orderflow.bench.naive.LedgerAudit.FinalState;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three naive stages. Each calls its provider through the blind-retry client, commits its state, then publishes
 * the next event (dual write). Any failure, a business rejection or retries run out alike, rolls the order back at
 * once (release the stock, void the payment) and cancels it: a timeout is taken for "not done". An accepted shipment
 * is followed to delivery by {@link NaiveDeliveries}.
 */
final class NaiveStages {

    private static final Logger log = LoggerFactory.getLogger(NaiveStages.class);

    /** One stage's reaction to its input event. */
    interface Stage {
        void handle(NaiveOrder order) throws SQLException;
    }

    private final BlindRetryClient provider;
    private final NaiveOrderStore store;
    private final DualWriter events;
    private final NaiveTopics topics;
    private final NaiveDeliveries deliveries;
    private final Clock clock;

    NaiveStages(BlindRetryClient provider, NaiveOrderStore store, DualWriter events, NaiveTopics topics,
            NaiveDeliveries deliveries, Clock clock) {
        this.provider = provider;
        this.deliveries = deliveries;
        this.store = store;
        this.events = events;
        this.topics = topics;
        this.clock = clock;
    }

    Stage stock() {
        return order -> {
            Outcome outcome = provider.create("/stock/reservations", Map.of("orderId", order.orderId(), "sku",
                    order.sku(), "quantity", order.quantity()), "reserve-" + order.orderId());
            if (outcome instanceof Outcome.Done done) {
                String reservationId = done.body().path("reservationId").asText();
                store.reserved(order.orderId(), reservationId);
                events.publish(topics.stockReserved(), order.withReservation(reservationId));
            } else {
                FinalState state = outcome instanceof Outcome.Refused ? FinalState.REJECTED : FinalState.CANCELLED;
                store.ended(order.orderId(), state, describe(outcome), clock.instant());
            }
        };
    }

    Stage payment() {
        return order -> {
            Outcome outcome = provider.create("/payments/authorizations", Map.of("orderId", order.orderId(),
                    "amountMinor", order.amountMinor(), "currency", order.currency(), "paymentMethodToken",
                    order.paymentToken()), "authorize-" + order.orderId());
            if (outcome instanceof Outcome.Done done) {
                String authorizationId = done.body().path("authorizationId").asText();
                store.authorized(order.orderId(), authorizationId);
                events.publish(topics.paymentAuthorized(), order.withAuthorization(authorizationId));
            } else {
                release(order);
                store.ended(order.orderId(), FinalState.CANCELLED, describe(outcome), clock.instant());
            }
        };
    }

    Stage shipping() {
        return order -> {
            Outcome outcome = provider.create("/fulfillment/shipments", Map.of("orderId", order.orderId(), "address",
                    order.address(), "items", List.of(Map.of("sku", order.sku(), "quantity", order.quantity()))),
                    "ship-" + order.orderId());
            if (outcome instanceof Outcome.Done done) {
                String shipmentId = done.body().path("shipmentId").asText();
                store.shipped(order.orderId(), shipmentId, clock.instant());
                deliveries.follow(order, shipmentId);
            } else {
                compensate("void", provider.act("/payments/authorizations/" + order.authorizationId() + "/void"));
                release(order);
                store.ended(order.orderId(), FinalState.CANCELLED, describe(outcome), clock.instant());
            }
        };
    }

    private void release(NaiveOrder order) {
        compensate("release", provider.act("/stock/reservations/" + order.reservationId() + "/release"));
    }

    /** The shortcut logs a failed compensation and cancels the order anyway. */
    private static void compensate(String what, Outcome outcome) {
        if (!(outcome instanceof Outcome.Done)) {
            log.debug("naive: {} failed ({}), order cancelled anyway", what, describe(outcome));
        }
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            return refused.status() + " " + refused.reason();
        }
        return outcome instanceof Outcome.Failed failed ? "retries exhausted: " + failed.lastError() : "done";
    }
}
