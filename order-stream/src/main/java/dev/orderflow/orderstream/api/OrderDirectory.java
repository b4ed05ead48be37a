package dev.orderflow.orderstream.api;

import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderView;
import java.util.List;
import java.util.Optional;

/**
 * Where the HTTP API finds order views: this instance's stores, and which instance owns an order. Implemented on
 * Kafka Streams' interactive queries; the API itself knows nothing of Streams.
 */
public interface OrderDirectory {

    /** Which instance owns the order's partition now. */
    Ownership ownerOf(String orderId);

    /** The view in this instance's store; empty if this instance has none. */
    Optional<OrderView> localView(String orderId);

    /** Up to {@code limit} views in {@code state} held by this instance, by order id, after {@code afterOrderId}. */
    List<OrderView> localPage(OrderState state, String afterOrderId, int limit);

    /** Counts of the orders in this instance's stores: per state, and the deferred actions they wait for. */
    OrderStats localStats();

    /** host:port of every other instance that holds part of the store, for fanning out queries. */
    List<String> peers();

    /** Whether the instance is alive (200 on /health) and ready to answer queries (200 on /ready). */
    Health health();

    record Ownership(Kind kind, String hostPort) {

        public enum Kind { LOCAL, REMOTE, UNAVAILABLE }

        public static Ownership local() {
            return new Ownership(Kind.LOCAL, null);
        }

        public static Ownership remote(String hostPort) {
            return new Ownership(Kind.REMOTE, hostPort);
        }

        public static Ownership unavailable() {
            return new Ownership(Kind.UNAVAILABLE, null);
        }
    }

    record Health(String state, boolean alive, boolean ready) {
    }
}
