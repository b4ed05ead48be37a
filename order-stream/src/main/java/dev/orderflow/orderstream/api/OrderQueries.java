package dev.orderflow.orderstream.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.orderstream.domain.OrderState;
import dev.orderflow.orderstream.domain.OrderView;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers the read side of the API from any instance: an order is read locally or forwarded to the instance that
 * owns it; the exception queue merges this instance's page with every peer's. Forwarded requests carry
 * {@code local=true} so a peer answers from its own store and never forwards again (no loops).
 */
final class OrderQueries {

    /** What a GET of one order returns: the view, nothing, or a peer's answer to relay as it is. */
    record Lookup(OrderView view, PeerClient.Answer relayed) {

        static Lookup found(OrderView view) {
            return new Lookup(view, null);
        }

        static Lookup notFound() {
            return new Lookup(null, null);
        }

        static Lookup relay(PeerClient.Answer answer) {
            return new Lookup(null, answer);
        }
    }

    private final OrderDirectory directory;
    private final PeerClient peers;
    private final ObjectMapper mapper;

    OrderQueries(OrderDirectory directory, PeerClient peers, ObjectMapper mapper) {
        this.directory = directory;
        this.peers = peers;
        this.mapper = mapper;
    }

    Lookup find(String orderId, boolean localOnly) {
        OrderDirectory.Ownership owner = directory.ownerOf(orderId);
        switch (owner.kind()) {
            case LOCAL -> {
                Optional<OrderView> view = directory.localView(orderId);
                return view.map(Lookup::found).orElseGet(Lookup::notFound);
            }
            case REMOTE -> {
                if (localOnly) {
                    // The asking instance's metadata is newer or older than ours: let the client retry.
                    throw new QueryUnavailableException("order " + orderId + " moved to " + owner.hostPort()
                            + " while the query was forwarded");
                }
                return Lookup.relay(peers.get(owner.hostPort(), "/orders/" + encode(orderId) + "?local=true"));
            }
            default -> throw new QueryUnavailableException("the owner of order " + orderId
                    + " is not known right now (rebalancing)");
        }
    }

    OrderPage page(OrderState state, String after, int limit, boolean localOnly) {
        if (!directory.health().ready()) {
            throw new QueryUnavailableException("the instance is " + directory.health().state()
                    + "; the exception queue needs every partition");
        }
        List<OrderSummary> merged = new ArrayList<>();
        directory.localPage(state, after, limit).forEach(v -> merged.add(OrderSummary.of(v)));
        if (!localOnly) {
            for (String peer : directory.peers()) {
                merged.addAll(peerPage(peer, state, after, limit).orders());
            }
        }
        merged.sort(Comparator.comparing(OrderSummary::orderId));
        List<OrderSummary> page = merged.size() > limit ? List.copyOf(merged.subList(0, limit)) : merged;
        String next = merged.size() >= limit && !page.isEmpty() ? page.get(page.size() - 1).orderId() : null;
        return new OrderPage(state, limit, page, next);
    }

    /** Order counts: this instance's, plus every peer's unless the request was forwarded. */
    OrderStats stats(boolean localOnly) {
        if (!directory.health().ready()) {
            throw new QueryUnavailableException("the instance is " + directory.health().state()
                    + "; the counts need every partition");
        }
        OrderStats stats = directory.localStats();
        if (!localOnly) {
            for (String peer : directory.peers()) {
                stats = stats.plus(peerStats(peer));
            }
        }
        return stats;
    }

    private OrderStats peerStats(String peer) {
        PeerClient.Answer answer = peers.get(peer, "/stats?local=true");
        if (answer.status() != 200) {
            throw new QueryUnavailableException("instance " + peer + " answered " + answer.status()
                    + " to the counts query");
        }
        try {
            return mapper.readValue(answer.body(), OrderStats.class);
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + peer + " sent unreadable counts", e);
        }
    }

    private OrderPage peerPage(String peer, OrderState state, String after, int limit) {
        String query = "/orders?local=true&state=" + state + "&limit=" + limit
                + (after == null ? "" : "&after=" + encode(after));
        PeerClient.Answer answer = peers.get(peer, query);
        if (answer.status() != 200) {
            throw new QueryUnavailableException("instance " + peer + " answered " + answer.status()
                    + " to the exception-queue query");
        }
        try {
            return mapper.readValue(answer.body(), OrderPage.class);
        } catch (IOException e) {
            throw new QueryUnavailableException("instance " + peer + " sent an unreadable page", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
