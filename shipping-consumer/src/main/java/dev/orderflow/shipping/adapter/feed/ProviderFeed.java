package dev.orderflow.shipping.adapter.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.runtime.provider.ProviderClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fulfillment provider's event feed over HTTP through the runtime's classifying client, so a failed read
 * is a {@link dev.orderflow.runtime.failure.ClassifiedException} like any provider call.
 */
final class ProviderFeed {

    private final ProviderClient client;

    ProviderFeed(ProviderClient client) {
        this.client = client;
    }

    FeedPage read(long after, int limit, Duration timeout) {
        JsonNode page = client.get("fulfillment.events", "/fulfillment/events?after=" + after + "&limit=" + limit,
                timeout);
        List<FeedStep> steps = new ArrayList<>();
        for (JsonNode e : page.path("events")) {
            steps.add(new FeedStep(e.path("sequence").asLong(), e.path("shipmentId").asText(),
                    e.path("orderId").asText(null), e.path("stage").asText(), Instant.parse(e.path("at").asText()),
                    e.path("carrier").asText(null), e.path("trackingNumber").asText(null),
                    e.path("exceptionReason").asText(null)));
        }
        return new FeedPage(steps, page.path("nextAfter").asLong(after));
    }

    /**
     * The sequence of the feed's last event now (0 for an empty feed), from a one-event page's
     * {@code latestSequence}.
     *
     * @throws IllegalStateException if the provider's pages do not carry it
     */
    long latestSequence(Duration timeout) {
        JsonNode latest = client.get("fulfillment.events", "/fulfillment/events?after=0&limit=1", timeout)
                .path("latestSequence");
        if (!latest.isIntegralNumber() || latest.asLong() < 0) {
            throw new IllegalStateException("the provider's feed pages carry no latestSequence, which "
                    + "fulfillment.feed.start.position=latest needs; start from earliest instead");
        }
        return latest.asLong();
    }
}
